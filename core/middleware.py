"""The site's Content-Security-Policy, and the one exception to "no site may frame a page".

Every page is sent with `frame-ancestors 'none'` (and Django's `X-Frame-Options: DENY`). A view
may let a page be framed by a list of origins with `allow_framing`: the list is data (an
initiative's partners, signing.embedding), and it must be the same for every request to that
URL, since the response may be a public page kept by shared caches.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest

FRAME_ANCESTORS = "frame-ancestors"


def allow_framing(response, origins):
    """Let this site itself and `origins` (other sites) frame this response.

    A CSRF cookie set on a response that other sites may frame is a partitioned cross-site
    cookie, the only kind a browser keeps for a frame on another site
    (ContentSecurityPolicyMiddleware)."""
    response.frame_origins = tuple(origins)
    if origins:
        response.xframe_options_exempt = True  # frame-ancestors names them; XFO cannot
    else:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


def policy(frame_ancestors=None):
    """The site's policy, with its frame-ancestors directive replaced when given."""
    if not frame_ancestors:
        return settings.CONTENT_SECURITY_POLICY
    directives = [
        directive.strip()
        for directive in settings.CONTENT_SECURITY_POLICY.split(";")
        if directive.strip() and directive.split()[0] != FRAME_ANCESTORS
    ]
    return "; ".join([*directives, " ".join([FRAME_ANCESTORS, *frame_ancestors])])


def partition_cookie(response, name):
    """Make the cookie `name` usable in a frame on a partner's site: `SameSite=None; Secure;
    Partitioned` (CHIPS). Browsers that block third-party cookies (Chromium does) still keep a
    partitioned one, in a jar of that partner's site only: the site's own cookie is untouched.

    Python 3.11's http.cookies has no Partitioned attribute (3.14 adds it), so it follows the
    SameSite value, which Morsel writes out as given."""
    morsel = response.cookies.get(name)
    if morsel is not None:  # a deletion too: it must reach the partitioned jar
        morsel["samesite"] = "None; Partitioned"
        morsel["secure"] = True


class ContentSecurityPolicyMiddleware:
    """Send the site's Content-Security-Policy on public pages; on a response a view allowed
    to be framed (allow_framing), its frame-ancestors and a partitioned CSRF cookie.

    A preview is the page rendered for the admin's preview panel, an iframe of the admin:
    Wagtail runs it through this middleware with the page's own path (/en/…), not /admin/,
    and marks the request `is_preview`. It keeps the site's policy (the preview shows what
    visitors will get) but may be framed by the site itself.

    It sits above CsrfViewMiddleware, so that it sees the cookie that middleware sets. The
    Wagtail admin relies on inline scripts and styles, so it is left to its own defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            return response
        if getattr(request, "is_preview", False):
            allow_framing(response, ())
        origins = getattr(response, "frame_origins", None)
        framed_by = None if origins is None else ("'self'", *origins)
        response.headers.setdefault("Content-Security-Policy", policy(framed_by))
        if origins:
            partition_cookie(response, settings.CSRF_COOKIE_NAME)
        return response


class RejectUnknownHostMiddleware:
    """400 for a Host outside ALLOWED_HOSTS, first of all, on every path (/healthz included):
    nothing below ever meets one (the page cache's keys, the error page's links), and the answer
    is plain text, since rendering a page would read the host again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            return HttpResponseBadRequest("Bad Request", content_type="text/plain")
        return self.get_response(request)
