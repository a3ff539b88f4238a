"""A flow partners embed, and the partner code carried through its steps: for any collection
that has partners (an initiative's statements, a petition's signatures).

Two query parameters travel with the signer, from the partner's link or frame to the last step,
without a session: `partner` (a partner's code, kept with what is signed when it is one of the
collection's partners; any other value is ignored) and `embed=1` (the flow shown in a partner's
frame: a page without the site's chrome, framable by the partners' origins only). Every link and
form of the flow carries both on (`flow_links`). A link that opens the flow in a new window
carries the partner code alone: the new window is no frame.

Each function takes the collection's partners as `origins`, {code: origin or ""} (its app reads
them, cached: cached_origins). A framed page sets the CSRF cookie as a
partitioned cross-site cookie (core/middleware.py): a browser that blocks third-party cookies
keeps it for that partner's site only. Whatever is framable depends on the URL alone, so a
shared cache may keep it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string

from .content_version import current_version, versioned_cache
from .middleware import allow_framing

EMBED = "embed"
PARTNER = "partner"
# The frame sizes the snippets ask for; partners may change them.
WIDGET_HEIGHT = 340
FLOW_HEIGHT = 1600


def cached_origins(owner, partners):
    """{code: origin or ""} of `partners` (a queryset of one owner's partners: an initiative's,
    a petition's), cached under the content version (a change to a partner or its owner sets a
    new one): the embedded steps read it on every request. `owner` names the owner in the key,
    such as "initiative:12"."""
    key = f"partners:{current_version()}:{owner}"
    origins = versioned_cache.get(key, settings.ROUTE_CACHE_SECONDS)
    if origins is None:
        origins = dict(partners.values_list("code", "origin"))
        versioned_cache.set(key, origins, settings.ROUTE_CACHE_SECONDS)
    return origins


def is_embedded(request):
    return request.GET.get(EMBED) == "1"


def partner_code(request, origins):
    """The partner code the request carries, if it is one of `origins`; else ""."""
    return asked_partner(request, origins)[1]


def asked_partner(request, origins):
    """(the code asked for, the partner code if it is one of `origins` else "")."""
    asked = request.GET.get(PARTNER, "")
    return asked, (asked if asked and asked in origins else "")


def flow_parameters(request, origins):
    """What the next step's address carries on: {"embed": "1", "partner": code}, each if set."""
    parameters = {}
    if is_embedded(request):
        parameters[EMBED] = "1"
    code = partner_code(request, origins)
    if code:
        parameters[PARTNER] = code
    return parameters


def query(parameters):
    return f"?{urlencode(parameters)}" if parameters else ""


def with_flow(url, request, origins, keep_partner=True):
    parameters = flow_parameters(request, origins)
    if not keep_partner:
        parameters.pop(PARTNER, None)
    return url + query(parameters)


def flow_links(request, origins):
    """The query strings a step's links carry: `flow_query` within the flow (embedded mode and
    partner code), `window_query` for the same step opened in a new window (the partner code)."""
    parameters = flow_parameters(request, origins)
    window = {PARTNER: parameters[PARTNER]} if PARTNER in parameters else {}
    return {"flow_query": query(parameters), "window_query": query(window)}


def framed_by_partners(response, origins):
    """Let the partners' sites frame this response (and nobody else)."""
    return allow_framing(response, sorted({origin for origin in origins.values() if origin}))


def frame_if_embedded(request, response, origins):
    return framed_by_partners(response, origins) if is_embedded(request) else response


def frame_snippets(template, title, link, widget_src, flow_src):
    """The two snippets a partner pastes, rendered with `template` (an <iframe> whose content,
    for a page that cannot show it, is a plain link to `link`): the widget, and the flow."""
    context = {"title": title, "link": link}
    return {
        name: render_to_string(template, {**context, "src": src, "height": height}).strip()
        for name, src, height in (
            ("widget", widget_src, WIDGET_HEIGHT),
            ("flow", flow_src, FLOW_HEIGHT),
        )
    }
