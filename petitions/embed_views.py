"""What a petition's partners put on their own sites: the count widget, and the page that gives
them its snippet and that of the signing form in a frame (core.embedding, as for initiatives:
signing.embed_views). Both are public pages, the same for every visitor of one address (the
widget a "counts" page, the embed page a "content" page); the partner code is part of the
address, never of a session."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.embedding import (
    EMBED,
    PARTNER,
    asked_partner,
    frame_snippets,
    framed_by_partners,
    query,
)

from .figures import figures_for
from .partners import partner_origins


def widget_path(page, partner):
    return page.url + page.reverse_subpage("widget", args=[partner] if partner else [])


def widget(request, page, partner=""):
    """Count, progress and a button to sign (in a window of its own), for a partner's frame.
    An unknown partner code leads to the widget without one."""
    origins = partner_origins(page.petition_id)
    if partner and partner not in origins:
        return redirect(widget_path(page, ""))
    sign_url = page.url + page.reverse_subpage("sign")
    response = TemplateResponse(
        request,
        "petitions/widget.html",
        {"page": page, "petition": page.petition, "figures": figures_for(page.petition),
         "sign_url": sign_url + query({PARTNER: partner} if partner else {})},
    )  # fmt: skip
    return framed_by_partners(response, origins)


def embed(request, page):
    """The snippets for the partner code asked for (`?partner=`), with a preview of the widget."""
    asked, partner = asked_partner(request, partner_origins(page.petition_id))
    carried = {PARTNER: partner} if partner else {}
    sign_url = request.build_absolute_uri(page.url + page.reverse_subpage("sign"))
    snippets = frame_snippets(
        "petitions/snippets/frame.html",
        page.title,
        request.build_absolute_uri(page.url) + query(carried),
        widget_src=request.build_absolute_uri(widget_path(page, partner)),
        flow_src=sign_url + query({EMBED: "1", **carried}),
    )
    return TemplateResponse(
        request,
        "petitions/embed.html",
        {"page": page, "shown_page": page, "petition": page.petition, "partner": partner,
         "asked": asked, "unknown_partner": bool(asked) and not partner, "snippets": snippets,
         "widget_path": widget_path(page, partner)},
    )  # fmt: skip
