"""Views outside the page tree: search, the HTML sitemap, robots.txt and the error pages."""

import re
import sys

from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, Site

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def search_terms(text):
    """The words of a query. Punctuation and control characters are dropped: the database
    backends pass terms to SQLite's and PostgreSQL's full-text syntax, where a stray quote or
    a NUL is an error, and a citizen's search needs only the words."""
    return " ".join(re.findall(r"\w+", text))[:SEARCH_QUERY_MAX_LENGTH]


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    terms = search_terms(query)
    results = status = None
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(terms), SEARCH_RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        count = results.paginator.count
        status = ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": count}
    context = {"query": query, "results": results, "status": status}
    return render(request, "home/search.html", context)


@require_safe
def html_sitemap(request):
    """Every live page of the active language, as a nested list, from one query."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    home = site.root_page.localized
    pages = list(home.get_descendants(inclusive=True).live().public().order_by("path"))
    tree = {page.path: {"page": page, "children": []} for page in pages}
    roots = []
    for page in pages:
        parent = tree.get(page.path[: -page.steplen])
        (parent["children"] if parent else roots).append(tree[page.path])
    return render(request, "home/sitemap.html", {"tree": roots})


def health(request):
    """For load balancers, and the benchmark's minimal-view baseline: no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", {"heading": _("Bad request")}, status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"heading": _("Page not found")}, status=404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form came back without this site's token (a page left open for long,
    cookies refused, or a form sent from another site). Django's reason is for developers and is
    not shown; the citizen learns that nothing was stored and how to send the form again."""
    path = request.path
    # Only a path on this site: "//host/..." would leave it.
    retry_path = path if url_has_allowed_host_and_scheme(path, allowed_hosts=None) else "/"
    context = {"heading": _("Your form could not be sent"), "retry_path": retry_path}
    response = render(request, "403_csrf.html", context, status=403)
    add_never_cache_headers(response)
    return response


# How long a client should wait before trying again while the database cannot be reached: a
# restart or a fail-over takes seconds.
DATABASE_RETRY_AFTER_SECONDS = 10


def server_error(request):
    """handler500. Rendered without a request context: it must work when the database or a
    tag fails. While the database cannot be reached (a restart, a fail-over, too many
    connections) the failure is not the request's but the service's, and temporary: 503 with
    Retry-After, so that clients, load balancers and crawlers wait and try again."""
    response = HttpResponseServerError(loader.get_template("500.html").render())
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response.status_code = 503
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
