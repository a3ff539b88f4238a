"""A cache of page routes, so that a request does not walk the page tree again.

This is the one module that touches Wagtail's private request attributes, and it is fenced:
tests/core/test_route_cache.py fails if Wagtail stops reading them. Wagtail resolves each request
with several wide queries (the site, the localized root page, its specific type, then the
route). Once it has resolved a path, this middleware remembers the page the path leads to, under
the page's own URL (not the full path: a receipt's identifier or any other argument a page
routes itself adds no entry). The next request under that URL hands Wagtail the site and the
page's own routing result through the attributes Wagtail itself caches them in:

- `request._wagtail_site`, read by `Site.find_for_request` (wagtail/models/sites.py);
- `request._wagtail_route_for_request`, read by `Page.route_for_request`
  (wagtail/models/pages.py).

The page's own routing runs again on every request (so a page that went offline is not served)
and view restrictions still apply. Every key carries the content version (core.content_version),
so a change to the tree, a site or a record the pages show is never served stale.

Why it stays beside the page cache: the page cache answers only public pages, and the signing
steps are not public. Measured with bench/profile_steps.py (production settings, PostgreSQL,
Redis; CPU per request on a shared 2-core machine, with → without this module): the form GET
3.9 → 13.8 ms and 1 → 8 queries, the submission 6.7 → 15.4 ms and 0 → 7 queries (besides the
two prepared statements), the receipt 2.9 → 11.2 ms and 1 → 8 queries.
"""

import functools

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction
from wagtail.views import serve

from .content_version import current_version, versioned_cache


def _components(request):
    return [part for part in request.path.split("/") if part]


def _key(request, version, components):
    prefix = "/".join(components)
    return f"page-route:{version}:{request.get_host()}:{get_language()}:/{prefix}"


def routed_to(request):
    """The route Wagtail recorded for this request (`Page.route_for_request`), or None: the
    one public reading of that private attribute, for the page cache (core/page_cache.py)."""
    return getattr(request, "_wagtail_route_for_request", None)


class PageRouteCacheMiddleware:
    """Only requests that Wagtail serves (the URLconf resolved them to wagtail.views.serve) touch
    the cache: /healthz, the CAPTCHA pictures, feeds and the admin pass untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if hasattr(request, "route_cache_lookup"):
            self.remember(request, *request.route_cache_lookup)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve:
            return None
        version = current_version()
        components = _components(request)
        request.route_cache_lookup = (
            version,
            components,
            self.restore(request, version, components),
        )
        return None

    @staticmethod
    def restore(request, version, components):
        """Hand Wagtail the route of the longest cached page URL this path starts with; return
        the page found there, or None."""
        lengths = {
            _key(request, version, components[:length]): length
            for length in range(len(components), 0, -1)
        }
        # Only the deepest copy is unpickled: the shallower ones (the home page, the index
        # above an initiative) would be read for nothing.
        key, cached, missing = versioned_cache.first_copy(list(lengths))
        # Below a page that can have no children (a signing page) no longer path is a page: its
        # routes' paths (a receipt's, with the identifier) need no look-up in the shared cache.
        if cached is None or type(cached[1]).allowed_subpage_models():
            shared = versioned_cache.shared(missing, settings.ROUTE_CACHE_SECONDS)
            # `missing` lists only keys longer than the copy's, the longest first.
            key = next((longer for longer in missing if longer in shared), key)
            cached = shared.get(key, cached)
        if cached is None:
            return None
        site, page = cached
        try:
            request._wagtail_route_for_request = page.route(request, components[lengths[key] :])
        except Http404:
            return page  # Wagtail routes it again and answers 404 itself
        request._wagtail_site = site
        return page

    @staticmethod
    def remember(request, version, components, cached_page):
        """Remember the page Wagtail routed to, unless it is the one already cached."""
        route = routed_to(request)
        site = getattr(request, "_wagtail_site", None)
        if route is None or site is None:
            return
        page = route.page
        if cached_page is not None and cached_page.pk == page.pk:
            return
        # The path after the language prefix, down to the page: translations of the site root
        # sit at its depth.
        language_prefix = 1 if components and components[0] == get_language() else 0
        own_url = components[: language_prefix + page.depth - site.root_page.depth]
        versioned_cache.set(
            _key(request, version, own_url), (site, _detached(page)), settings.ROUTE_CACHE_SECONDS
        )


def _detached(page):
    """A copy of the page with its own fields only: nothing the request attached to it (related
    objects, computed progress) may travel to the next request."""
    detached = type(page)(
        **{field.attname: getattr(page, field.attname) for field in page._meta.concrete_fields}
    )
    detached._state.adding, detached._state.db = False, page._state.db
    return detached


class CachedViewRestrictionsMixin:
    """Answers Wagtail's view-restriction check from the cache while a page has no restriction.

    Wagtail asks on every request (two queries: the ancestors, then their restrictions). Most
    pages have none; whether this one has any is cached under the content version, which any
    page move and any change to a restriction sets anew. A page with restrictions gets Wagtail's
    own queryset, checked as usual.
    """

    def get_view_restrictions(self):
        key = f"view-restricted:{current_version()}:{self.pk}"
        restricted = versioned_cache.get(key, settings.ROUTE_CACHE_SECONDS)
        if restricted is None:
            restricted = super().get_view_restrictions().exists()
            versioned_cache.set(key, restricted, settings.ROUTE_CACHE_SECONDS)
        if restricted:
            return super().get_view_restrictions()
        return no_restrictions()


@functools.cache
def no_restrictions():
    """An empty queryset of restrictions, evaluated once per process: still a queryset (the
    admin's privacy views chain on it), but iterating it costs nothing after the first time,
    where a fresh none() compiles its SQL on every request."""
    empty = PageViewRestriction.objects.none()
    list(empty)
    return empty
