"""A cache of page routes, so a request does not walk the page tree again.

Wagtail resolves each request with several wide queries: the site, the localized home page, its
specific type, then the route. Once Wagtail has resolved a path, this middleware remembers the
outcome (site, the page and the path left to the page's own routing) and hands it to Wagtail on
the next request for that path through the attributes Wagtail itself reads
(`request._wagtail_site`, `request._wagtail_route_for_request`). The page's own routing runs
again (so a page that went offline is not served) and view restrictions still apply.

Any change to the tree (publish, unpublish, move, delete, slug change), to a site or to an
initiative bumps a version that is part of every key, so no stale route is served. Set REDIS_URL
in production so that all workers share the cache and see the bump at once; with the per-process
cache a worker may keep an old route until ROUTE_CACHE_SECONDS pass.
"""

import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

VERSION_KEY = "page-route-version"


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    return version


def route_key(request, version):
    return f"page-route:{version}:{request.get_host()}:{get_language()}:{request.path}"


class PageRouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = route_key(request, current_version())
        cached = cache.get(key)
        if cached is not None:
            self.restore(request, cached)
        response = self.get_response(request)
        if cached is None:
            self.remember(request, key)
        return response

    @staticmethod
    def restore(request, cached):
        # The page itself is cached: any publication, unpublication, move or deletion changes
        # the version in the key, so the cached page is the live one.
        site, page, remaining = cached
        try:
            request._wagtail_route_for_request = page.route(request, remaining)
        except Http404:
            return
        request._wagtail_site = site

    @staticmethod
    def remember(request, key):
        route = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if route is None or site is None:
            return
        page = route.page
        # Translations of the site root sit at its depth: no need to load the localized one.
        depth = page.depth - site.root_page.depth
        components = [part for part in request.path.split("/") if part]
        # The path after the language prefix: the components the site root routed.
        routed = components[1:] if components and components[0] == get_language() else components
        cache.set(key, (site, _detached(page), routed[depth:]), settings.ROUTE_CACHE_SECONDS)


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
    pages have none; whether this one has any is cached under the tree version, which any page
    move and any change to a restriction bumps. A page with restrictions gets Wagtail's own
    queryset, checked as usual.
    """

    def get_view_restrictions(self):
        key = f"view-restricted:{current_version()}:{self.pk}"
        restricted = cache.get(key)
        if restricted is None:
            restricted = super().get_view_restrictions().exists()
            cache.set(key, restricted, settings.ROUTE_CACHE_SECONDS)
        if restricted:
            return super().get_view_restrictions()
        # Still a queryset (the admin's privacy views chain on it), with its empty result
        # already in place: iterating none() costs a full SQL compilation on every request.
        none = PageViewRestriction.objects.none()
        none._result_cache = []
        return none


def invalidate(**kwargs):
    new_version()
    # Until the change commits, other requests still read the old rows, and may cache them
    # under the version just set: a second version once it has committed leaves those behind.
    transaction.on_commit(new_version)


def new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect_invalidation():
    """Called once the page models are known (HomeConfig.ready).

    Deletions are watched per page model: a receiver for every model would take Django off its
    fast delete path for all of them (the CAPTCHA's clean-up on each signature included).
    """
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"route-cache-{id(signal)}")
    for model in [Page, *get_page_models(), Site]:
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"route-cache-delete-{model}")
    post_save.connect(invalidate, sender=Site, dispatch_uid="route-cache-site-save")
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate, sender=PageViewRestriction, dispatch_uid=f"restriction-{id(signal)}"
        )
    # The signing path caches an initiative's signing state (SigningPage.initiative).
    initiative = apps.get_model("initiatives", "Initiative")
    post_save.connect(invalidate, sender=initiative, dispatch_uid="signing-initiative-save")
    # The cached site chrome (templates/base.html) shows the site identity snippet.
    identity = apps.get_model("home", "SiteIdentity")
    post_save.connect(invalidate, sender=identity, dispatch_uid="chrome-identity-save")
    post_delete.connect(invalidate, sender=identity, dispatch_uid="chrome-identity-delete")
