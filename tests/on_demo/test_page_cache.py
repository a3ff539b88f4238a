"""Public pages: cache headers a CDN may act on, the shared page cache, purges, fresh counts, and
serving through a Redis outage."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from initiatives.models import Initiative
from initiatives.models.pages import InitiativePage
from news.models import NewsPage
from organisers import dashboard
from signing.models import Statement

from ..signing.helpers import bulgarian
from .demo_signing import form_url, sign

INITIATIVE = "/en/initiatives/clean-air-around-every-school/"


@pytest.fixture(autouse=True)
def forget_paths_found_not_public():
    """Which paths this process found not public outlives a test's rollback: forget it."""
    from core import page_cache

    page_cache._not_public.clear()


PUBLIC = {
    "/en/": "counts",
    "/bg/": "counts",
    "/en/initiatives/": "counts",
    INITIATIVE: "counts",
    "/en/about/": "content",
    "/en/organise/": "content",
    "/en/organise/prepare-online-collection-system/": "content",
    "/en/news/": "content",
    "/en/news/online-collection-opens/": "content",
    INITIATIVE + "sign/": "content",  # the nationality choice: a GET form, no CSRF token
    "/sk/initiatives/": "counts",  # an interface-only language
    "/en/feeds/news.rss": "feed",
    "/en/feeds/news.atom": "feed",
    "/sitemap.xml": "sitemap",
    "/en/sitemap.xml": "sitemap",
    "/en/sitemap/": "content",
    "/robots.txt": "sitemap",
}


def directives(response):
    return {
        part.strip().split("=")[0]: (part.split("=")[1] if "=" in part else True)
        for part in response.headers.get("Cache-Control", "").split(",")
        if part.strip()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_anonymous_public_pages_carry_cache_headers_and_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    found = directives(response)
    assert found.get("public") is True, response.headers.get("Cache-Control")
    for name in ("max-age", "s-maxage", "stale-while-revalidate"):
        assert int(found[name]) > 0
    assert "Cookie" not in response.headers.get("Vary", "")
    assert b"csrfmiddlewaretoken" not in response.content
    if PUBLIC[url] == "counts":
        assert int(found["s-maxage"]) + int(found["stale-while-revalidate"]) <= 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", [form_url("BG"), "/en/contact/", "/en/search/?q=air", INITIATIVE + "sign/lookup/"]
)
def test_pages_with_a_post_form_or_a_query_are_private(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "public" not in directives(response)
    assert response.headers.get("X-Page-Cache") is None
    assert client.get(url).headers.get("X-Page-Cache") is None  # never served from the cache


@pytest.mark.django_db
def test_the_csrf_token_goes_only_into_pages_with_a_post_form(client):
    assert b"csrfmiddlewaretoken" in client.get(form_url("BG")).content
    assert b"csrfmiddlewaretoken" in client.get("/en/contact/").content
    choice = client.get(INITIATIVE + "sign/").content.decode()
    assert re.search(r'<form method="get"', choice) and "csrfmiddlewaretoken" not in choice


@pytest.mark.django_db
def test_a_logged_in_editor_gets_a_private_copy(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    response = client.get("/en/news/")
    assert "public" not in directives(response)


@pytest.mark.django_db
def test_a_restricted_page_is_never_public_or_cached(client):
    page = Page.objects.get(
        url_path__endswith="/news/online-collection-opens/", locale__language_code="en"
    )
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type="login")
    response = client.get("/en/news/online-collection-opens/")
    assert response.status_code == 302  # to the login page
    assert "public" not in directives(response)


@pytest.mark.django_db
def test_second_view_comes_from_the_page_cache(client):
    first = client.get("/en/news/")
    assert first.headers["X-Page-Cache"] == "miss"
    second = client.get("/en/news/")
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in directives(second) and "Age" in second.headers


@pytest.mark.django_db
def test_publish_unpublish_move_delete_and_snippets_purge_the_page_cache(client, initiative):
    news = NewsPage.objects.get(slug="online-collection-opens", locale__language_code="en")
    url = "/en/news/online-collection-opens/"
    assert client.get(url).status_code == 200
    assert client.get(url).headers["X-Page-Cache"] == "hit"
    news.title = "A new title for the news"
    news.save_revision().publish()
    assert "A new title for the news" in client.get(url).content.decode()
    news.unpublish()
    assert client.get(url).status_code == 404
    # A snippet change (the initiative record) purges the pages that show it.
    assert client.get(INITIATIVE).status_code == 200
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    assert (
        "The collection of statements of support is closed."
        in client.get(INITIATIVE).content.decode()
    )


@pytest.mark.django_db
def test_counts_are_a_snapshot_with_its_time_and_the_dashboard_is_exact(client, initiative):
    html = client.get(INITIATIVE).content.decode()
    assert "0 of 1,000,000 statements of support" in html
    assert re.search(r"Figures as of \d\d:\d\d", html)
    assert sign(client, "BG", **bulgarian()).status_code == 302
    # No COUNT per view: the page (and any other page) shows the snapshot until it expires...
    cache.delete("page-cache:http:localhost:" + INITIATIVE)  # the page, not the counts
    assert "0 of 1,000,000" in client.get(INITIATIVE).content.decode()
    # ...while the organisers' dashboard counts exactly.
    assert dashboard.overview(initiative)["progress"].total == 1
    cache.clear()  # the snapshot expires (PUBLIC_COUNTS_SECONDS / 3)
    assert "1 of 1,000,000" in client.get(INITIATIVE).content.decode()


@pytest.mark.django_db
def test_a_signing_page_gone_offline_takes_no_statement(client, initiative):
    page = client.get(form_url("BG")).content.decode()
    assert "csrfmiddlewaretoken" in page
    InitiativePage.objects.get(slug="clean-air-around-every-school", locale__language_code="en")
    signing = Page.objects.get(url_path__endswith="/clean-air-around-every-school/sign/",
                               locale__language_code="en")  # fmt: skip
    signing.specific.unpublish()
    response = client.post(form_url("BG"), bulgarian())
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_blank_form_is_built_once_and_each_view_adds_its_own_token_and_challenge(client):
    first = client.get(form_url("BG"))
    assert [key for key in cache._cache if "blank-form:" in key]  # built and kept
    second = client.get(form_url("BG"))
    pattern = r'name="(?:csrfmiddlewaretoken|captcha_0)" value="([^"]+)"'
    one, two = (re.findall(pattern, r.content.decode()) for r in (first, second))
    assert len(one) == len(two) == 2 and one[1] != two[1]  # a new challenge for each view

    # Apart from the token and the challenge (its key, its picture), the pages are the same.
    def without(response, values):
        html = response.content.decode()
        for value in values:
            html = html.replace(value, "")
        return html

    assert without(first, one) == without(second, two)
    assert "no-store" in second.headers["Cache-Control"]
    assert sign(client, "BG", **bulgarian()).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["unpublished", "restricted"])
def test_a_signing_page_gone_offline_behind_the_cache_takes_no_statement(client, change):
    """Taken offline where this process's cache did not see it (another worker's per-process
    cache, an update without signals): the storing statement itself refuses."""
    from ..signing.helpers import solve_captcha

    form = client.get(form_url("BG")).content.decode()
    signing = Page.objects.get(url_path__endswith="/clean-air-around-every-school/sign/",
                               locale__language_code="en")  # fmt: skip
    if change == "unpublished":
        Page.objects.filter(pk=signing.pk).update(live=False)
    else:
        PageViewRestriction.objects.bulk_create(
            [PageViewRestriction(page=signing.get_parent(), restriction_type="login")]
        )
    data = {"declaration": "on", "privacy": "on", **solve_captcha(form), **bulgarian()}
    response = client.post(form_url("BG"), data)
    assert response.status_code == 200
    assert Statement.objects.count() == 0


@pytest.mark.django_db
def test_a_page_past_its_lifetime_is_served_stale_while_one_request_renders_it(client):
    from core.page_cache import cache_key

    assert client.get("/en/news/").headers["X-Page-Cache"] == "miss"
    key = "page-cache:http:localhost:/en/news/"
    entry = cache.get(key)
    assert key == cache_key(client.get("/en/news/").wsgi_request)
    cache.set(key, (entry[0], entry[1] - entry[5] - 1, *entry[2:]))  # past s-maxage
    assert client.get("/en/news/").headers["X-Page-Cache"] == "miss"  # takes the lock
    cache.set(key, (entry[0], entry[1] - entry[5] - 1, *entry[2:]))
    cache.add(key + ":refresh", 1)  # another request is rendering it
    stale = client.get("/en/news/")
    assert stale.headers["X-Page-Cache"] == "stale" and stale.content == entry[4]
    cache.set(key, (entry[0], entry[1] - entry[5] - entry[6] - 1, *entry[2:]))  # past both
    assert client.get("/en/news/").headers["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_page_that_reads_the_empty_session_of_an_anonymous_visitor_stays_public(
    client, monkeypatch
):
    """Wagtail's user bar asks who the visitor is: the session is read (Vary: Cookie), and is
    empty. Anonymous visitors still all get one public page; an editor gets it rendered."""
    from home.models import HomePage

    serve = HomePage.serve

    def serve_asking_for_the_user(self, request, *args, **kwargs):
        request.user.is_authenticated  # noqa: B018 - what {% wagtailuserbar %} does
        return serve(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "serve", serve_asking_for_the_user)
    first = client.get("/en/")
    assert "public" in directives(first) and "Cookie" not in first.headers.get("Vary", "")
    assert client.get("/en/").headers["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "an-editors-session"
    editor = client.get("/en/")
    assert editor.headers.get("X-Page-Cache") is None and "public" not in directives(editor)


@pytest.mark.django_db
def test_a_request_reads_the_content_version_from_the_cache_once(client, monkeypatch):
    from core import content_version

    client.get(form_url("BG"))  # warm
    reads = []
    get = content_version.cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(content_version.cache, "get", counting_get)
    assert client.get(form_url("BG")).status_code == 200
    assert reads.count(content_version.VERSION_KEY) == 1
    before = content_version.current_version()  # outside a request: read each time
    content_version.new_version()
    assert content_version.current_version() != before


@pytest.mark.django_db
def test_paths_never_public_skip_the_page_cache_lookup(client, monkeypatch):
    from core import page_cache

    client.get("/healthz")
    lookups = []
    get_many = page_cache.cache.get_many
    monkeypatch.setattr(
        page_cache.cache, "get_many", lambda keys: lookups.append(keys) or get_many(keys)
    )
    client.get("/healthz")
    client.get(form_url("BG"))
    client.get(form_url("BG"))
    assert not any("/healthz" in key for keys in lookups for key in keys)
    assert sum(form_url("BG") in key for keys in lookups for key in keys) == 1
