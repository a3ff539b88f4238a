"""One version for everything cached that is built from the page tree and its records.

Cached routes, the site chrome, an initiative's signing state and the parts of an initiative page
that change only with an edit are all kept under this version: any change that could alter one
of them sets a new version, and the old entries are never read again. Each app connects the
changes of its own models (in its AppConfig.ready); this app connects Wagtail's own (the tree,
sites and view restrictions).

Set REDIS_URL in production so that all workers share the cache and see a new version at once;
with a per-process cache, a worker keeps its old entries until they expire.
"""

import pickle
import time
import uuid

from asgiref.local import Local
from captcha.models import CaptchaStore
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

VERSION_KEY = "content-version"

# Within one request the version is read from the cache once: the route, the view restrictions,
# the signing state and the chrome each ask for it, and with a shared cache each ask is a round
# trip. A request is one snapshot; a change it makes itself sets the new version here too.
_request = Local()


def current_version():
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    seed_version(version)
    return version


# Called with no argument whenever this process sets a new version (core.page_cache forgets
# which paths it found not public).
on_new_version = []


def built_once_key(request, *parts):
    """The key of a piece built once and kept for every visitor: the content version, then
    the scheme and host it was asked for (a page's absolute links name them: a request with
    another Host builds its own), then `parts`. The release is in every key (core/release.py)."""
    return ":".join([current_version(), request.scheme, request.get_host(), *map(str, parts)])


def new_version():
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    for callback in on_new_version:
        callback()
    if getattr(_request, "active", False):
        _request.version = version


def seed_version(version):
    """The version as read from the shared cache (by current_version, or by the page cache with
    the page, in one round trip)."""
    if version != versioned_cache.version:
        versioned_cache.forget(version)
    if getattr(_request, "active", False):
        _request.version = version


class VersionedCache:
    """The shared cache, for entries whose key carries the content version, with a copy of each
    kept in this process.

    What is kept under a version (a route, a blank form's page, a signing state) is only ever
    rebuilt from the same rows while that version stands: any change to them sets a new one. So
    a process may keep what it read or wrote and ask the shared cache only when it has no copy:
    each request still reads the version itself from the shared cache, and the first version
    this process sees that differs from its copies' drops them all. A change is therefore seen
    by every process at once, as before; a signing step saves a round trip to Redis (and its
    unpickling) for each entry it reads. A copy lives no longer than `timeout` (the entry's
    own) from when this process took it, so at most twice `timeout` after the entry was built
    (under the same version, so never stale), and is kept pickled, so that no request gets an
    object another request has touched.
    An entry found missing is taken as missing for as long: the caller builds it and sets it,
    which keeps this process's own copy (the route cache asks for the path's every prefix, most
    of which are no page and never set). Entries that change under one version (counts, days)
    do not belong here.
    """

    LIMIT = 2_000

    def __init__(self):
        self.version = None
        self._copies = {}

    def forget(self, version=None):
        self.version = version
        self._copies = {}

    def get(self, key, timeout):
        return self.get_many([key], timeout).get(key)

    def get_many(self, keys, timeout):
        found, missing = self.copies(keys)
        found.update(self.shared(missing, timeout))
        return found

    def copies(self, keys):
        """({key: value} of this process's copies, [keys it has no copy of])."""
        now, found, missing = time.monotonic(), {}, []
        for key in keys:
            copy = self._copies.get(key)
            if copy is None or copy[0] <= now:
                missing.append(key)
            elif copy[1] is not None:
                found[key] = pickle.loads(copy[1])  # noqa: S301 (pickled by this process)
        return found, missing

    def first_copy(self, keys):
        """(key, value, missing): the first of `keys` this process has a copy of, and its value
        (None, None if none), and `missing`, the keys before it of which it has no copy. Only
        that one copy is unpickled."""
        now, missing = time.monotonic(), []
        for key in keys:
            copy = self._copies.get(key)
            if copy is None or copy[0] <= now:
                missing.append(key)
            elif copy[1] is not None:
                return key, pickle.loads(copy[1]), missing  # noqa: S301 (pickled by this process)
        return None, None, missing

    def shared(self, keys, timeout):
        """{key: value} of the shared cache's entries, a copy of each (or of its absence) kept."""
        if not keys:
            return {}
        found, until = cache.get_many(keys), time.monotonic() + timeout
        for key in keys:
            self._keep(key, found.get(key), until)
        return found

    def set(self, key, value, timeout):
        cache.set(key, value, timeout)
        self._keep(key, value, time.monotonic() + timeout)

    def _keep(self, key, value, until):
        if len(self._copies) >= self.LIMIT:
            self._copies = {}
        pickled = None if value is None else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self._copies[key] = (until, pickled)


versioned_cache = VersionedCache()


def _request_started(**kwargs):
    _request.active, _request.version = True, None


def _request_finished(**kwargs):
    _request.active, _request.version = False, None


request_started.connect(_request_started, dispatch_uid="content-version-request-started")
request_finished.connect(_request_finished, dispatch_uid="content-version-request-finished")


def invalidate(**kwargs):
    """A signal receiver: set a new version now, and again once the change has committed."""
    new_version()
    # Until the change commits, other requests still read the old rows, and may cache them
    # under the version just set: a second version once it has committed leaves those behind.
    transaction.on_commit(new_version)


# What cached pages read, declared once by the app that owns each model: a content model sets
# a new version when it changes (invalidate_on_change); a count model changes only what pages
# show as counts, fresh within PUBLIC_COUNTS_SECONDS (read_as_counts). Pages themselves follow
# the tree's signals (connect_page_tree). tests/demo/test_cached_pages_read.py lists the models
# the public pages read and fails on one declared neither way.
CONTENT_MODELS = set()
COUNT_MODELS = {}


def invalidate_on_change(model, uid):
    """Set a new version whenever an instance of `model` is saved or deleted."""
    CONTENT_MODELS.add(model)
    post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-delete")


def read_as_counts(model, why):
    """Declare that pages read `model` for counts only: its changes set no new version."""
    COUNT_MODELS[model] = why


PER_REQUEST_MODELS = {}


def read_per_request(model, why):
    """Declare that pages read or write `model` for the request alone (a CAPTCHA challenge):
    never part of what is cached."""
    PER_REQUEST_MODELS[model] = why


def declared(model):
    return model in CONTENT_MODELS or model in COUNT_MODELS or model in PER_REQUEST_MODELS


def connect_page_tree():
    """Publication, unpublication, slug changes, moves and deletions of pages; sites; view
    restrictions.

    Deletions are watched per page model: a receiver for every model would take Django off its
    fast delete path for all of them (the CAPTCHA's clean-up on each signature included).
    """
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(
            invalidate, dispatch_uid=f"content-version-{signal.__class__.__name__}-{id(signal)}"
        )
    for model in [Page, *get_page_models()]:
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"content-version-delete-{model}"
        )
    invalidate_on_change(Site, "content-version-site")
    invalidate_on_change(PageViewRestriction, "content-version-restriction")
    invalidate_on_change(Locale, "content-version-locale")
    invalidate_on_change(get_document_model(), "content-version-document")
    read_per_request(CaptchaStore, "each form's own challenge, filled in after the cache")
