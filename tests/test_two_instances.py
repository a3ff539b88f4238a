"""Several app servers: two gunicorn instances on two ports over one PostgreSQL database and one
Redis, as docs/operations.md ("Several app servers") runs them. A change made through one
process (an editor's publish, unpublish, a closed collection) is seen by every process at
once; statements signed through both are all stored and counted exactly.

Runs with CI=true (make test-postgres): it needs PostgreSQL, redis-server and gunicorn.
"""

import os
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar

import psycopg
import pytest

from .harness import RedisServer, manage, served_site

pytestmark = pytest.mark.postgres

INITIATIVE = "/en/initiatives/try-signing/"
SIGN = INITIATIVE + "sign/bg/"
NEWS = "/en/news/online-collection-opens/"


def admin_dsn():
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return url._replace(path="/postgres").geturl()


@pytest.fixture(scope="module")
def two_instances():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs DATABASE_URL pointing at PostgreSQL (make test-postgres)")
    name = f"eci_two_{uuid.uuid4().hex[:8]}"
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        with RedisServer() as redis, served_site(redis, url, instances=2) as (env, sites):
            yield {"env": env, "urls": [site.url("") for site in sites], "database": url}
    finally:
        with psycopg.connect(admin_dsn(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def editor(env, model, lookup, action):
    """In a process of its own, as an editor's request would (signals included): run the
    statement `action` on each `obj` of `model` ("app.Model") that matches `lookup`."""
    app, name = model.split(".")
    code = (
        f"from {app}.models import {name}\nfor obj in {name}.objects.filter(**{lookup!r}): {action}"
    )
    manage(env, "shell", "-c", code)


NEWS_PAGE = {"slug": "online-collection-opens", "locale__language_code": "en"}
SIGNING_PAGES = {"slug": "sign", "url_path__contains": "try-signing"}


def get(base, path, opener=None):
    try:
        response = (opener or urllib.request.build_opener()).open(base + path, timeout=30)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def open_form(base, database):
    """Fetch the form from `base` and read its CAPTCHA's answer; returns `post(number)`, which
    signs with a unique EGN and answers the response's status."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    _status, html = get(base, SIGN, opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
    with psycopg.connect(database) as db:
        answer = db.execute(
            "SELECT response FROM captcha_captchastore WHERE hashkey = %s", (key,)
        ).fetchone()[0]

    def post(number):
        data = urllib.parse.urlencode({
            "csrfmiddlewaretoken": token, "first_names": "Two", "family_names": "Instances",
            "document_type": "personal.number", "document_number": egn(number),
            "declaration": "on", "privacy": "on", "captcha_0": key, "captcha_1": answer,
        }).encode()  # fmt: skip
        try:
            return opener.open(base + SIGN, data=data, timeout=30).status
        except urllib.error.HTTPError as error:
            return error.code

    return post


def signer(base, database, number):
    return open_form(base, database)(number)


def egn(number):
    digits = f"7501{10 + number % 20:02d}{number % 1000:03d}"
    weights = (2, 4, 8, 5, 10, 9, 7, 3, 6)
    check = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
    return digits + str(check)


def stored(database):
    with psycopg.connect(database) as db:
        return db.execute(
            "SELECT (SELECT count(*) FROM signing_statement),"
            " (SELECT coalesce(sum(count), 0) FROM signing_supportcounter)"
        ).fetchone()


def test_statements_through_both_instances_are_all_stored_and_counted(two_instances):
    first, second = two_instances["urls"]
    # The demo ships statements of its own (the closed initiative of 2022, for the export).
    before_stored, before_counted = stored(two_instances["database"])
    statuses = [signer(base, two_instances["database"], n) for n, base in
                enumerate([first, second] * 3)]  # fmt: skip
    assert statuses == [302] * 6
    assert stored(two_instances["database"]) == (before_stored + 6, before_counted + 6)


def test_a_publish_and_an_unpublish_in_one_are_seen_by_the_other_at_once(two_instances):
    first, second = two_instances["urls"]
    for base in (first, second):
        assert get(base, NEWS)[0] == 200
        assert get(base, NEWS)[0] == 200  # now in the page cache
    retitle = "obj.title = 'Published through another process'; obj.save_revision().publish()"
    editor(two_instances["env"], "news.NewsPage", NEWS_PAGE, retitle)
    for base in (first, second):
        assert "Published through another process" in get(base, NEWS)[1]
    editor(two_instances["env"], "news.NewsPage", NEWS_PAGE, "obj.unpublish()")
    for base in (first, second):
        assert get(base, NEWS)[0] == 404


def test_a_signing_page_gone_offline_takes_no_statement_from_any_process(two_instances):
    first, second = two_instances["urls"]
    database = two_instances["database"]
    forms = [open_form(base, database) for base in (first, second)]
    before = stored(database)
    editor(two_instances["env"], "signing.SigningPage", SIGNING_PAGES, "obj.unpublish()")
    assert [post(60 + n) for n, post in enumerate(forms)] == [404, 404]
    assert stored(database) == before
    editor(two_instances["env"], "signing.SigningPage", SIGNING_PAGES,
           "obj.save_revision().publish()")  # fmt: skip
    assert [signer(base, database, 70 + n) for n, base in enumerate((first, second))] == [302] * 2


def test_a_closed_collection_is_seen_by_every_process_at_once(two_instances):
    first, second = two_instances["urls"]
    database = two_instances["database"]
    for base in (first, second):
        assert "Sign now" in get(base, INITIATIVE)[1]
    forms = [open_form(base, database) for base in (first, second)]
    before = stored(database)
    editor(two_instances["env"], "initiatives.Initiative",
           {"registration_number": "DEMO(2026)000004"},
           "obj.status = Initiative.Status.CLOSED; obj.save()")  # fmt: skip
    for base in (first, second):
        assert "The collection of statements of support is closed." in get(base, INITIATIVE)[1]
    assert [post(80 + n) for n, post in enumerate(forms)] == [200, 200]  # "is closed"
    assert stored(database) == before
