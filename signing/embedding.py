"""The signing flow as partners embed it, and the partner code carried through its steps.

Two query parameters travel with the signer, from the partner's link or frame to the receipt,
without a session: `partner` (a partner's code, stored with the statement when it is one of the
initiative's; any other value is ignored) and `embed=1` (the flow shown in a partner's frame: a
page without the site's chrome, framable by the initiative's partners' origins only). Every
link and form of the flow carries both on (`flow_links`): the statement form posts to its own
address, and the blank form's page, built once for everyone (signing/blank_form.py), has them
filled in per request like its CSRF token. A link that opens the flow in a new window carries
the partner code alone: the new window is no frame.

A framed page sets the CSRF cookie as a partitioned cross-site cookie (core/middleware.py): a
browser that blocks third-party cookies keeps it for that partner's site only. Whatever is
framable depends on the URL alone, so a shared cache may keep it.
"""

from urllib.parse import urlencode

from core.middleware import allow_framing
from initiatives.partners import partner_origins

EMBED = "embed"
PARTNER = "partner"


def is_embedded(request):
    return request.GET.get(EMBED) == "1"


def partner_code(request, initiative_id):
    """The partner code the request carries, if it is one of the initiative's; else ""."""
    code = request.GET.get(PARTNER, "")
    return code if code and code in partner_origins(initiative_id) else ""


def flow_parameters(request, initiative_id):
    """What the next step's address carries on: {"embed": "1", "partner": code}, each if set."""
    parameters = {}
    if is_embedded(request):
        parameters[EMBED] = "1"
    code = partner_code(request, initiative_id)
    if code:
        parameters[PARTNER] = code
    return parameters


def query(parameters):
    return f"?{urlencode(parameters)}" if parameters else ""


def with_flow(url, request, initiative_id, keep_partner=True):
    parameters = flow_parameters(request, initiative_id)
    if not keep_partner:
        parameters.pop(PARTNER, None)
    return url + query(parameters)


def flow_links(request, initiative_id):
    """The query strings a step's links carry: `flow_query` within the flow (embedded mode and
    partner code), `window_query` for the same step opened in a new window (the partner code)."""
    parameters = flow_parameters(request, initiative_id)
    window = {PARTNER: parameters[PARTNER]} if PARTNER in parameters else {}
    return {"flow_query": query(parameters), "window_query": query(window)}


def framed_by_partners(response, initiative_id):
    """Let the initiative's partners' sites frame this response (and nobody else)."""
    origins = sorted({origin for origin in partner_origins(initiative_id).values() if origin})
    return allow_framing(response, origins)


def frame_if_embedded(request, response, initiative_id):
    return framed_by_partners(response, initiative_id) if is_embedded(request) else response
