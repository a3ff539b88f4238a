"""Public pages: the cache headers a CDN may act on, and the server's own shared page cache.

**Which responses are public.** A response is the same for everyone, and says so with
`Cache-Control: public, max-age, s-maxage, stale-while-revalidate`, only when all of these hold:

- it answers a GET or HEAD with 200;
- its page type (or its route, for a routable page) is listed in `PUBLIC_PAGE_KINDS`, or its view
  was wrapped in `public_page(kind)` (feeds, sitemaps, robots.txt);
- it sets no cookie and did not use the CSRF token (a page with a POST form is never public:
  the token goes only there);
- the request carries no session cookie: the visitor is anonymous (an editor logged in gets a
  private copy, with Wagtail's user bar). Reading the session then found nothing, so the
  `Vary: Cookie` that reading adds is dropped: anonymous visitors all get the same page, and a
  CDN must bypass its cache for requests with the session cookie (docs/operations.md, "A CDN");
- the page has no view restriction (a password or login restriction is never public).

Each kind's lifetimes are in `PUBLIC_CACHE_POLICIES`; pages that show counts ("counts": home,
initiative index and pages) are fresh for a third of `PUBLIC_COUNTS_SECONDS` and may be served
stale for another third, and the counts snapshot they show (initiatives.counters) is renewed
every third: no count the server sends is older than that setting. Any other response without a
Cache-Control of its own gets `private`: a CDN keeps no receipt, form or search result.

**The server's page cache.** Public responses to a request without a query string are kept in
the default cache (Redis in production, shared by every process) for their `s-maxage`, and
answered from there before sessions, languages and routing run. For `stale-while-revalidate`
more, the stale copy is still served to every request but one: the one that takes the refresh
lock renders the page anew, so that a page running out does not send every worker rendering it
at once. The design is Django's cache middleware (UpdateCacheMiddleware at the top,
FetchFromCacheMiddleware near it), with one key per URL and no header-list lookup, and the
content version in the value: one round trip to the cache answers a request, and any
publication, unpublication, move, deletion, site, restriction or snippet change
(core.content_version) purges every cached page at once, in every process.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import has_vary_header, patch_cache_control
from wagtail.models import PageViewRestriction

from .content_version import (
    VERSION_KEY,
    current_version,
    on_new_version,
    seed_version,
    versioned_cache,
)
from .route_cache import routed_to

CACHEABLE_METHODS = ("GET", "HEAD")
HIT_HEADER = "X-Page-Cache"
# How long one request may hold the right to render a stale page anew.
REFRESH_LOCK_SECONDS = 10
# Paths this process answered lately with something not public (/healthz, the CAPTCHA pictures,
# forms, receipts): they skip the lookup for NOT_PUBLIC_SECONDS. Skipping it never serves
# anything stale; a path that becomes public meanwhile is only rendered, not cached, that long.
NOT_PUBLIC_SECONDS = 10
NOT_PUBLIC_LIMIT = 10_000
_not_public = {}
on_new_version.append(_not_public.clear)
# Headers never replayed from the cache (set per response, or by the server).
NOT_STORED = {"set-cookie", "date", "age", HIT_HEADER.lower()}


def public_page(kind):
    """A view decorator: the view's responses are public pages of `kind`."""

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            request.public_page_kind = kind
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def lifetimes(kind):
    """(max_age, s_maxage, stale_while_revalidate) for a kind of public page."""
    if kind == "counts":
        third = max(1, settings.PUBLIC_COUNTS_SECONDS // 3)
        return third, third, third
    policy = settings.PUBLIC_CACHE_POLICIES[kind]
    return policy["max_age"], policy["s_maxage"], policy["stale_while_revalidate"]


def page_kind(request):
    """The kind of public page Wagtail routed this request to, or None."""
    route = routed_to(request)
    if route is None:
        return None
    page = route.page
    label = page._meta.label
    view = route.args[0] if route.args else None
    if callable(view):  # a routable page: its routes are listed one by one
        return settings.PUBLIC_PAGE_KINDS.get(f"{label}:{view.__name__}")
    return settings.PUBLIC_PAGE_KINDS.get(label)


def is_restricted(page):
    """Whether the page or an ancestor has a view restriction, cached under the content
    version (any change to a restriction or a move sets a new one)."""
    key = f"page-restricted:{current_version()}:{page.pk}"
    restricted = versioned_cache.get(key, settings.ROUTE_CACHE_SECONDS)
    if restricted is None:
        # Wagtail's own query (the SigningPage's cached variant answers the same).
        restricted = PageViewRestriction.objects.filter(
            page__path__in=[page.path[:end] for end in range(page.steplen, len(page.path) + 1,
                                                             page.steplen)]
        ).exists()  # fmt: skip
        versioned_cache.set(key, restricted, settings.ROUTE_CACHE_SECONDS)
    return restricted


def public_kind(request, response):
    """The kind of public page this response is, or None (see the module's docstring)."""
    if request.method not in CACHEABLE_METHODS or response.status_code != 200:
        return None
    if response.streaming or response.cookies:
        return None
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or "Cache-Control" in response:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    kind = getattr(request, "public_page_kind", None) or page_kind(request)
    if kind is None:
        return None
    route = routed_to(request)
    if route is not None and is_restricted(route.page):
        return None
    return kind


def drop_vary(response, header):
    kept = [
        value.strip()
        for value in response.headers["Vary"].split(",")
        if value.strip() and value.strip().lower() != header.lower()
    ]
    if kept:
        response.headers["Vary"] = ", ".join(kept)
    else:
        del response.headers["Vary"]


def cache_key(request):
    """One copy per URL, and per encoding: GZipMiddleware, below the page cache, compresses
    what is stored for clients that accept gzip (Vary: Accept-Encoding)."""
    gzip = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    return f"page-cache:{request.scheme}:{request.get_host()}:{request.path}:{int(gzip)}"


def server_cacheable(request):
    """GETs without a query string, from visitors without a session (editors see the pages as
    rendered for them), outside the paths that are never public pages (PAGE_CACHE_SKIP: the
    health check must stay free of any cache work)."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and not request.path.startswith(settings.PAGE_CACHE_SKIP)
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class FetchFromPageCacheMiddleware:
    """Answer a GET without a query string from the page cache, when it holds the page under
    the current content version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not server_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        if _not_public.get(key, 0) > time.monotonic():
            return self.get_response(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            version = current_version()
        else:
            seed_version(version)
        # The version as this request began: what it renders is stored under it, so that a
        # change committing meanwhile leaves the copy behind.
        request.page_cache_version = version
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            age = time.time() - entry[1]
            fresh, stale = entry[5], entry[6]
            if age < fresh:
                return replay(entry, "hit")
            if age < fresh + stale and not cache.add(key + ":refresh", 1, REFRESH_LOCK_SECONDS):
                return replay(entry, "stale")  # another request is rendering it anew
        return self.get_response(request)


def replay(entry, how):
    _version, stored_at, status, headers, content, _fresh, _stale = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    response.headers["Age"] = str(max(0, int(time.time() - stored_at)))
    response.headers[HIT_HEADER] = how
    return response


class UpdatePageCacheMiddleware:
    """Mark public responses for shared caches, everything else private; keep public pages in
    the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.headers.get(HIT_HEADER) in ("hit", "stale"):
            return response
        kind = public_kind(request, response)
        if kind is None and response.status_code == 200 and server_cacheable(request):
            if len(_not_public) >= NOT_PUBLIC_LIMIT:
                _not_public.clear()
            _not_public[cache_key(request)] = time.monotonic() + NOT_PUBLIC_SECONDS
        if kind is None:
            if request.method in CACHEABLE_METHODS and "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        max_age, s_maxage, stale = lifetimes(kind)
        patch_cache_control(
            response, public=True, max_age=max_age, s_maxage=s_maxage,
            stale_while_revalidate=stale,
        )  # fmt: skip
        if has_vary_header(response, "Cookie"):  # the session was read, and found empty
            drop_vary(response, "Cookie")
        version = getattr(request, "page_cache_version", None)
        if version is not None and server_cacheable(request) and s_maxage:
            response.headers[HIT_HEADER] = "miss"
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in NOT_STORED
            ]
            entry = (version, time.time(), response.status_code, headers, response.content,
                     s_maxage, stale or 0)  # fmt: skip
            key = cache_key(request)
            cache.set(key, entry, s_maxage + (stale or 0))
            cache.delete(key + ":refresh")
        return response
