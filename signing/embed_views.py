"""What partners put on their own sites: the widget, and the page that gives them its snippet.

Both are public pages, the same for every visitor of one address (core/page_cache.py: the
widget is a "counts" page, the embed page a "content" page); the partner code is part of the
address, never of a session. See signing.embedding for the embedded signing flow itself.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.embedding import asked_partner, frame_snippets, query
from initiatives.partners import partner_origins
from initiatives.progress import attach_progress

from .call_to_sign import call_to_sign_url
from .embedding import EMBED, PARTNER, framed_by_partners


def widget(request, signing_page, partner=""):
    """Count, progress and a button into the signing flow, for a partner's frame. An unknown
    partner code leads to the widget without one (no error, and nothing cached under it)."""
    initiative_page = signing_page.initiative_page()
    if partner and partner not in partner_origins(initiative_page.initiative_id):
        return redirect(signing_page.url + signing_page.reverse_subpage("widget"))
    attach_progress([initiative_page])
    if initiative_page.initiative.signing_state == "central":  # counted, then the central system
        sign_url = call_to_sign_url(signing_page, partner)
    else:
        sign_url = signing_page.url + query({PARTNER: partner} if partner else {})
    response = TemplateResponse(
        request,
        "signing/widget.html",
        {"page": signing_page, "initiative_page": initiative_page,
         "initiative": initiative_page.initiative, "sign_url": sign_url},
    )  # fmt: skip
    return framed_by_partners(response, initiative_page.initiative_id)


def snippets(request, signing_page, initiative_page, partner):
    """The two snippets a partner pastes: the widget, and the signing flow in a frame."""
    signing_url = request.build_absolute_uri(signing_page.url)
    widget_path = signing_page.reverse_subpage("widget", args=[partner] if partner else [])
    carried = {PARTNER: partner} if partner else {}
    link = signing_url + query(carried)
    if initiative_page.initiative.signing_state == "central":  # straight to the central system
        link = request.build_absolute_uri(call_to_sign_url(signing_page, partner))
    return frame_snippets(
        "signing/snippets/frame.html",
        initiative_page.title,
        link,
        widget_src=signing_url + widget_path,
        flow_src=signing_url + query({EMBED: "1", **carried}),
    )


def embed(request, signing_page):
    """The embed page: the snippets for the partner code asked for (`?partner=`), a preview of
    the widget, and what a partner must ask the organisers for."""
    initiative_page = signing_page.initiative_page()
    asked, partner = asked_partner(request, partner_origins(initiative_page.initiative_id))
    response = TemplateResponse(
        request,
        "signing/embed.html",
        {"page": signing_page, "initiative_page": initiative_page, "shown_page": initiative_page,
         "initiative": initiative_page.initiative, "partner": partner,
         "unknown_partner": bool(asked) and not partner, "asked": asked,
         "snippets": snippets(request, signing_page, initiative_page, partner),
         "widget_path": signing_page.url + signing_page.reverse_subpage(
             "widget", args=[partner] if partner else [])},
    )  # fmt: skip
    return response
