"""Public pages: cache headers a CDN may act on, the shared page cache, purges, fresh counts
(core/page_cache.py, core/content_version.py). Serving through a Redis outage:
test_page_cache_outage.py.

Each test builds the site it reads from the factories: home (also in Bulgarian) → initiatives →
an initiative collecting on this site → its signing page; an about page, a contact page, news and
guidance."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from core import content_version, page_cache
from home.models import HomePage
from initiatives.models import Initiative
from organisers import dashboard
from signing.models import Statement
from tests.factories import (
    ContactPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    translate_tree,
)

from ..signing.helpers import bulgarian, form_url, lookup_url, sign, solve_captcha

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_paths_found_not_public():
    """Which paths this process found not public outlives a test's rollback: forget it."""
    page_cache._not_public.clear()


@pytest.fixture
def site(home_page, signing_page):
    """The pages by name."""
    news = NewsIndexPageFactory(parent=home_page)
    guidance = GuidanceIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "initiatives": signing_page.get_parent().get_parent(),
        "initiative": signing_page.get_parent(),
        "country choice": signing_page,  # a GET form, no CSRF token
        "about": StandardPageFactory(parent=home_page, title="About", slug="about"),
        "contact": ContactPageFactory(parent=home_page),
        "news": news,
        "news item": NewsPageFactory(parent=news, slug="online-collection-opens"),
        "guidance": guidance,
        "guide": GuidancePageFactory(parent=guidance, slug="prepare-online-collection-system"),
    }


@pytest.fixture
def urls(site):
    """The public addresses by name: each page, in English unless named otherwise, and the
    feeds, sitemaps and robots.txt."""
    with translation.override("en"):
        found = {name: page.url for name, page in site.items()}
        found |= {name: reverse(name) for name in ROUTES}
        found["search"] = reverse("search") + "?q=air"
        found["form"] = form_url(site["country choice"], "BG")
        found["lookup"] = lookup_url(site["country choice"])
    found["home in bg"] = translate_tree(site["home"], "bg")["bg"].url
    with translation.override("sk"):  # an interface-only language: the English page
        found["initiatives in sk"] = site["initiatives"].url
    return found


ROUTES = {
    "news-rss": "feed",
    "news-atom": "feed",
    "sitemap-index": "sitemap",
    "sitemap": "sitemap",
    "html-sitemap": "content",
    "robots-txt": "sitemap",
}
PUBLIC = {
    "home": "counts",
    "home in bg": "counts",
    "initiatives": "counts",
    "initiative": "counts",
    "initiatives in sk": "counts",
    "about": "content",
    "guidance": "content",
    "guide": "content",
    "news": "content",
    "news item": "content",
    "country choice": "content",
    **ROUTES,
}


def directives(response):
    return {
        part.strip().split("=")[0]: (part.split("=")[1] if "=" in part else True)
        for part in response.headers.get("Cache-Control", "").split(",")
        if part.strip()
    }


@pytest.mark.parametrize("name", PUBLIC)
def test_anonymous_public_pages_carry_cache_headers_and_no_cookie(client, urls, name):
    response = client.get(urls[name])
    assert response.status_code == 200
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    found = directives(response)
    assert found.get("public") is True, response.headers.get("Cache-Control")
    for directive in ("max-age", "s-maxage", "stale-while-revalidate"):
        assert int(found[directive]) > 0
    assert "Cookie" not in response.headers.get("Vary", "")
    assert b"csrfmiddlewaretoken" not in response.content
    if PUBLIC[name] == "counts":
        assert int(found["s-maxage"]) + int(found["stale-while-revalidate"]) <= 10


@pytest.mark.parametrize("name", ["form", "contact", "search", "lookup"])
def test_pages_with_a_post_form_or_a_query_are_private(client, urls, name):
    response = client.get(urls[name])
    assert response.status_code == 200
    assert "public" not in directives(response)
    assert response.headers.get("X-Page-Cache") is None
    assert client.get(urls[name]).headers.get("X-Page-Cache") is None  # never from the cache


def test_the_csrf_token_goes_only_into_pages_with_a_post_form(client, urls):
    assert b"csrfmiddlewaretoken" in client.get(urls["form"]).content
    assert b"csrfmiddlewaretoken" in client.get(urls["contact"]).content
    choice = client.get(urls["country choice"]).content.decode()
    assert re.search(r'<form method="get"', choice) and "csrfmiddlewaretoken" not in choice


def test_a_logged_in_editor_gets_a_private_copy(client, urls, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    response = client.get(urls["news"])
    assert "public" not in directives(response)


def test_a_restricted_page_is_never_public_or_cached(client, site, urls):
    PageViewRestriction.objects.create(page=site["news"], restriction_type="login")
    response = client.get(urls["news item"])
    assert response.status_code == 302  # to the login page
    assert "public" not in directives(response)


def test_second_view_comes_from_the_page_cache(client, urls):
    first = client.get(urls["news"])
    assert first.headers["X-Page-Cache"] == "miss"
    second = client.get(urls["news"])
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in directives(second) and "Age" in second.headers


def test_publish_unpublish_move_delete_and_snippets_purge_the_page_cache(
    client, site, urls, initiative
):
    news, url = site["news item"], urls["news item"]
    assert client.get(url).status_code == 200
    assert client.get(url).headers["X-Page-Cache"] == "hit"
    news.title = "A new title for the news"
    news.save_revision().publish()
    assert "A new title for the news" in client.get(url).content.decode()
    news.unpublish()
    assert client.get(url).status_code == 404
    # A snippet change (the initiative record) purges the pages that show it.
    assert client.get(urls["initiative"]).status_code == 200
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    assert (
        "The collection of statements of support is closed."
        in client.get(urls["initiative"]).content.decode()
    )


def test_counts_are_a_snapshot_with_its_time_and_the_dashboard_is_exact(
    client, site, urls, initiative
):
    html = client.get(urls["initiative"]).content.decode()
    assert "0 of 1,000,000 statements of support" in html
    assert re.search(r"Figures updated: \d\d:\d\d", html)
    assert sign(client, site["country choice"], "BG", **bulgarian()).status_code == 302
    # No COUNT per view: the page (and any other page) shows the snapshot until it expires...
    cache.delete("page-cache:http:localhost:" + urls["initiative"])  # the page, not the counts
    assert "0 of 1,000,000" in client.get(urls["initiative"]).content.decode()
    # ...while the organisers' dashboard counts exactly.
    assert dashboard.overview(initiative)["progress"].total == 1
    cache.clear()  # the snapshot expires (PUBLIC_COUNTS_SECONDS / 3)
    assert "1 of 1,000,000" in client.get(urls["initiative"]).content.decode()


def test_a_signing_page_gone_offline_takes_no_statement(client, site, urls):
    assert "csrfmiddlewaretoken" in client.get(urls["form"]).content.decode()
    site["country choice"].unpublish()
    response = client.post(urls["form"], bulgarian())
    assert response.status_code == 404


def test_the_blank_form_is_built_once_and_each_view_adds_its_own_token_and_challenge(
    client, site, urls
):
    first = client.get(urls["form"])
    assert [key for key in cache._cache if "blank-form:" in key]  # built and kept
    second = client.get(urls["form"])
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
    assert sign(client, site["country choice"], "BG", **bulgarian()).status_code == 302


@pytest.mark.parametrize("change", ["unpublished", "restricted"])
def test_a_signing_page_gone_offline_behind_the_cache_takes_no_statement(
    client, site, urls, change
):
    """Taken offline where this process's cache did not see it (another worker's per-process
    cache, an update without signals): the storing statement itself refuses."""
    form = client.get(urls["form"]).content.decode()
    signing = site["country choice"]
    if change == "unpublished":
        Page.objects.filter(pk=signing.pk).update(live=False)
    else:
        PageViewRestriction.objects.bulk_create(
            [PageViewRestriction(page=signing.get_parent(), restriction_type="login")]
        )
    data = {"declaration": "on", "privacy": "on", **solve_captcha(form), **bulgarian()}
    response = client.post(urls["form"], data)
    assert response.status_code == 200
    assert Statement.objects.count() == 0


def test_a_page_past_its_lifetime_is_served_stale_while_one_request_renders_it(client, urls):
    news = urls["news"]
    assert client.get(news).headers["X-Page-Cache"] == "miss"
    key = "page-cache:http:localhost:" + news + ":0"  # :0, a client without gzip
    entry = cache.get(key)
    assert key == page_cache.cache_key(client.get(news).wsgi_request)
    cache.set(key, (entry[0], entry[1] - entry[5] - 1, *entry[2:]))  # past s-maxage
    assert client.get(news).headers["X-Page-Cache"] == "miss"  # takes the lock
    cache.set(key, (entry[0], entry[1] - entry[5] - 1, *entry[2:]))
    cache.add(key + ":refresh", 1)  # another request is rendering it
    stale = client.get(news)
    assert stale.headers["X-Page-Cache"] == "stale" and stale.content == entry[4]
    cache.set(key, (entry[0], entry[1] - entry[5] - entry[6] - 1, *entry[2:]))  # past both
    assert client.get(news).headers["X-Page-Cache"] == "miss"


def test_a_page_that_reads_the_empty_session_of_an_anonymous_visitor_stays_public(
    client, urls, monkeypatch
):
    """Wagtail's user bar asks who the visitor is: the session is read (Vary: Cookie), and is
    empty. Anonymous visitors still all get one public page; an editor gets it rendered."""
    serve = HomePage.serve

    def serve_asking_for_the_user(self, request, *args, **kwargs):
        request.user.is_authenticated  # noqa: B018 - what {% wagtailuserbar %} does
        return serve(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "serve", serve_asking_for_the_user)
    first = client.get(urls["home"])
    assert "public" in directives(first) and "Cookie" not in first.headers.get("Vary", "")
    assert client.get(urls["home"]).headers["X-Page-Cache"] == "hit"
    client.cookies["sessionid"] = "an-editors-session"
    editor = client.get(urls["home"])
    assert editor.headers.get("X-Page-Cache") is None and "public" not in directives(editor)


def test_a_request_reads_the_content_version_from_the_cache_once(client, urls, monkeypatch):
    client.get(urls["form"])  # warm
    reads = []
    get = content_version.cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(content_version.cache, "get", counting_get)
    assert client.get(urls["form"]).status_code == 200
    assert reads.count(content_version.VERSION_KEY) == 1
    before = content_version.current_version()  # outside a request: read each time
    content_version.new_version()
    assert content_version.current_version() != before


def test_paths_never_public_skip_the_page_cache_lookup(client, urls, monkeypatch):
    health = reverse("health")
    client.get(health)
    lookups = []
    get_many = page_cache.cache.get_many
    monkeypatch.setattr(
        page_cache.cache, "get_many", lambda keys: lookups.append(keys) or get_many(keys)
    )
    client.get(health)
    client.get(urls["form"])
    client.get(urls["form"])
    assert not any(health in key for keys in lookups for key in keys)
    assert sum(urls["form"] in key for keys in lookups for key in keys) == 1
