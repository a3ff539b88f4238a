"""nginx and Varnish from Debian's packages, configured by the deployment's own files
(deploy/nginx/eci.conf.template, deploy/varnish/default.vcl), in front of gunicorn with the
production settings on loopback ports: TLS and the HTTP redirect, compression, static files,
the client's address through two proxies, request buffering, Varnish honouring s-maxage, purged
by wagtail.contrib.frontend_cache on publication, and a listing seen anew within its lifetime.

Marker `deploy` (make test-deploy, and make test with CI=true); prints `deploy:` figures."""

import contextlib
import gzip
import http.client
import json
import re
import secrets
import shutil
import socket
import ssl
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import FIGURES
from tests.harness import (
    Gunicorn,
    RedisServer,
    free_port,
    manage,
    prepare_site,
    remove_site_environment,
    site_environment,
)

from .proxies import Nginx, Varnish

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(
        not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists())
        or not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()),
        reason="needs Debian's nginx and varnish (make test-deploy installs them)",
    ),
]

RATE_LIMIT = 3
# The demo's pages found from the database, not from literal paths: an initiative on which
# this site collects (when the demo has none, its first one with a signing page becomes a test
# collection, open today), its listing, its signing page's statement form.
FIND_PAGES = """
import json
from django.utils import timezone
from initiatives.models import Initiative
from signing.models import SigningPage
pages = list(SigningPage.objects.live().filter(locale__language_code="en"))
collecting = [page for page in pages if page.initiative().is_collecting()]
if not collecting:
    today = timezone.localdate()
    Initiative.objects.filter(pk=pages[0].initiative().pk).update(
        test_collection=Initiative.TestPurpose.DEMONSTRATION,
        collection=Initiative.Collection.ON_SITE, status=Initiative.Status.COLLECTING,
        collection_start=today - timezone.timedelta(days=1),
        collection_end=today + timezone.timedelta(days=30))
    collecting = pages[:1]
signing_page = collecting[0]
assert Initiative.objects.get(pk=signing_page.initiative().pk).is_collecting()
initiative_page = signing_page.get_parent().specific
form = signing_page.url + signing_page.reverse_subpage("statement_form", kwargs={"country": "bg"})
print(json.dumps({"pk": initiative_page.pk, "page": initiative_page.url,
                  "index": initiative_page.get_parent().url, "form": form,
                  "title": initiative_page.title}))
"""
# A title change published as an editor would, timed: the publication includes the purge that
# wagtail.contrib.frontend_cache sends to Varnish.
PUBLISH = """
import json, time
from wagtail.models import Page
page = Page.objects.get(pk={pk}).specific
page.title = {title!r}
revision = page.save_revision()
started = time.perf_counter()
revision.publish()
print(json.dumps({{"seconds": time.perf_counter() - started}}))
"""


@pytest.fixture(scope="module")
def stack():
    varnish_port = free_port()
    with RedisServer() as redis:
        env = site_environment(
            redis_url=redis.url(),
            # As in production: HTTPS only (nginx says so in X-Forwarded-Proto), the proxies
            # trusted, the rate limit on, Varnish purged on publication.
            HTTPS_ONLY="true",
            SIGNING_TRUSTED_PROXIES="127.0.0.1",
            SIGNING_RATE_LIMIT=f"{RATE_LIMIT}/300",
            FRONTEND_CACHE="varnish",
            VARNISH_URL=f"http://127.0.0.1:{varnish_port}",
        )
        try:
            with contextlib.ExitStack() as processes:
                site_port = free_port()
                varnish = processes.enter_context(Varnish(site_port, port=varnish_port))
                static_root, media_root = env["STATIC_ROOT"], env["ECI_VAR_DIR"] + "/media"
                nginx = processes.enter_context(Nginx(varnish.port, static_root, media_root))
                env["CSRF_TRUSTED_ORIGINS"] = f"https://localhost:{nginx.port}"
                prepare_site(env)
                pages = shell_json(env, FIND_PAGES)  # before the site caches anything
                site = processes.enter_context(Gunicorn(env, workers=2, port=site_port))
                yield {"env": env, "site": site, "varnish": varnish, "nginx": nginx, **pages}
        finally:
            remove_site_environment(env)


def shell_json(env, code):
    """What `code` prints as JSON on its last line, run by manage.py shell in the site's env."""
    return json.loads(manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1])


def request(stack, method, path, headers=(), body=None, source="127.0.0.1", port=None):
    """One request to nginx over TLS from `source` (a loopback address); returns (status,
    headers as a dict of lower-case names, body as sent)."""
    context = ssl.create_default_context(cafile=str(stack["nginx"].certificate))
    connection = http.client.HTTPSConnection(
        "localhost", port or stack["nginx"].port, context=context, timeout=20,
        source_address=(source, 0),
    )  # fmt: skip
    try:
        connection.request(method, path, body=body, headers=dict(headers))
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def html(headers, body):
    return (gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body).decode()


def test_http_redirects_to_https(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack["nginx"].http_port, timeout=10)
    connection.request("GET", "/en/", headers={"Host": "localhost"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/en/"


def test_public_page_compressed_and_cached_by_varnish_for_its_s_maxage(stack):
    path = stack["index"]
    first = request(stack, "GET", path, {"Accept-Encoding": "gzip"})
    second = request(stack, "GET", path, {"Accept-Encoding": "gzip"})
    status, headers, body = second
    assert first[0] == status == 200
    assert headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in headers["vary"]
    assert "s-maxage=" in headers["cache-control"] and "public" in headers["cache-control"]
    assert "set-cookie" not in headers
    assert headers["x-cache"] == "hit"  # Varnish kept it
    assert stack["title"] in html(headers, body)
    # A client without gzip gets the same page uncompressed (Varnish gunzips its copy).
    status, plain_headers, plain = request(stack, "GET", path)
    assert status == 200 and "content-encoding" not in plain_headers
    assert stack["title"] in plain.decode()
    FIGURES.append(
        f"deploy: {path} through nginx and Varnish: {len(plain)} bytes, {len(body)} gzipped"
    )


def test_static_files_served_by_nginx_compressed_and_immutable(stack):
    _status, headers, body = request(stack, "GET", stack["page"], {"Accept-Encoding": "gzip"})
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html(headers, body))
    assert stylesheet, "no hashed stylesheet on the page"
    status, headers, _ = request(stack, "GET", stylesheet.group(1), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["content-encoding"] == "gzip"  # whitenoise's .gz copy, by gzip_static
    assert "x-cache" not in headers  # from nginx's disk, not through Varnish or gunicorn


def test_the_client_is_the_address_nginx_saw_whatever_it_forges(stack):
    """The site's rate limit counts per client: behind nginx (which appends the address it saw
    to X-Forwarded-For) and Varnish (which appends nginx's), with SIGNING_TRUSTED_PROXIES at
    127.0.0.1, the client is 127.0.0.2 whatever X-Forwarded-For it sends; 127.0.0.3 is another."""
    form = stack["form"]

    def post_from(source, forged):
        status, headers, body = request(stack, "GET", form, source=source)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(headers, body))
        cookie = headers["set-cookie"].split(";")[0]
        return request(
            stack, "POST", form, source=source, body=f"csrfmiddlewaretoken={token.group(1)}",
            headers={"Cookie": cookie, "Origin": f"https://localhost:{stack['nginx'].port}",
                     "Content-Type": "application/x-www-form-urlencoded",
                     "X-Forwarded-For": forged},
        )[0]  # fmt: skip

    forged = [f"203.0.113.{n}" for n in range(RATE_LIMIT + 2)]
    codes = [post_from("127.0.0.2", address) for address in forged]
    assert codes[:RATE_LIMIT] == [200] * RATE_LIMIT
    assert codes[RATE_LIMIT:] == [429, 429]
    assert post_from("127.0.0.3", forged[0]) == 200  # another client, its own count


def test_slow_clients_do_not_hold_the_workers(stack):
    """nginx buffers a request before passing it on: three clients trickling their bodies
    (more than gunicorn's two sync workers) do not keep a fourth from being answered."""
    context = ssl.create_default_context(cafile=str(stack["nginx"].certificate))
    slow = []
    try:
        for _ in range(3):
            raw = socket.create_connection(("127.0.0.1", stack["nginx"].port), timeout=10)
            tls = context.wrap_socket(raw, server_hostname="localhost")
            tls.sendall(
                f"POST {stack['form']} HTTP/1.1\r\nHost: localhost\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: 100000\r\n\r\ncsrfmiddlewaretoken=".encode()
            )
            slow.append(tls)
        started = time.perf_counter()
        status, _headers, _body = request(stack, "GET", "/healthz")
        assert status == 200
        FIGURES.append(
            f"deploy: /healthz with 3 slow uploads pending: {time.perf_counter() - started:.3f} s"
        )
    finally:
        for connection in slow:
            connection.close()


def test_publication_purges_varnish_and_listings_follow_within_their_lifetime(stack):
    page, index = stack["page"], stack["index"]
    for _ in range(2):  # both in Varnish's cache
        assert request(stack, "GET", page)[0] == 200
        _status, headers, _ = request(stack, "GET", index)
    assert request(stack, "GET", page)[1]["x-cache"] == "hit"
    lifetime = int(re.search(r"s-maxage=(\d+)", headers["cache-control"]).group(1)) + int(
        re.search(r"stale-while-revalidate=(\d+)", headers["cache-control"]).group(1)
    )
    title = f"{stack['title']} {secrets.token_hex(4)}"
    published = shell_json(stack["env"], PUBLISH.format(pk=stack["pk"], title=title))
    after = time.perf_counter()
    status, headers, body = request(stack, "GET", page)
    purge_latency = time.perf_counter() - after
    assert status == 200
    assert headers["x-cache"] == "miss"  # purged: fetched anew
    assert title in body.decode()
    # The listing is not purged on the CDN (docs/operations.md, "A CDN"): it changes once its
    # s-maxage and stale-while-revalidate have run out, and not after.
    seen = None
    while seen is None and time.perf_counter() - after < lifetime + 5:
        if title in request(stack, "GET", index)[2].decode():
            seen = time.perf_counter() - after
        else:
            time.sleep(0.25)
    assert seen is not None, f"the index did not show the new title within {lifetime + 5} s"
    FIGURES.append(
        f"deploy: publication with its Varnish purge {published['seconds'] * 1000:.0f} ms; the "
        f"page anew through nginx and Varnish {purge_latency * 1000:.0f} ms later; the index "
        f"after {seen:.1f} s (its s-maxage + stale-while-revalidate: {lifetime} s)"
    )


def test_requests_per_second_through_nginx_and_varnish(stack):
    """Figures only: a cached page from 4 keep-alive clients for 3 s, through nginx and Varnish,
    and from gunicorn's own page cache directly."""
    path = stack["index"]

    def count(connect, headers):
        done, stop = [], time.perf_counter() + 3

        def client():
            connection, n = connect(), 0
            while time.perf_counter() < stop:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                assert response.status == 200
                n += 1
            connection.close()
            done.append(n)

        threads = [threading.Thread(target=client) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(done) / 3

    context = ssl.create_default_context(cafile=str(stack["nginx"].certificate))
    gzipped = {"Accept-Encoding": "gzip"}
    through = count(lambda: http.client.HTTPSConnection(
        "localhost", stack["nginx"].port, context=context, timeout=10), gzipped)  # fmt: skip
    # Straight to gunicorn, as nginx would send it (HTTPS said in X-Forwarded-Proto).
    direct = count(lambda: http.client.HTTPConnection(
        "127.0.0.1", stack["site"].port, timeout=10),
        {**gzipped, "X-Forwarded-Proto": "https"})  # fmt: skip
    FIGURES.append(
        f"deploy: {path} from 4 keep-alive clients: {through:.0f} requests/s through nginx (TLS) "
        f"and Varnish, {direct:.0f} requests/s from gunicorn's page cache (2 workers)"
    )
    assert through > 0 and direct > 0
