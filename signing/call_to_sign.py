"""The call to sign of an initiative collected on the Commission's central system: a link from
the initiative page, the signing page, a partner's widget, embed or flow, that leads to the
central system's signing page in the reader's language (`?lg=xx`, from the language of the
address it was followed from), counting one click-through for the partner it came through.

What is counted is a number per initiative and partner (initiatives.counters): nothing about
the person, no cookie is read or set, and the redirect itself is never cached (every click
reaches the counter), while the pages that link to it stay the same for everyone and cacheable:
the partner is part of the link's address, as on the widget.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from initiatives.counters import count_click_through
from initiatives.partners import partner_origins


def call_to_sign_url(signing_page, partner=""):
    """The counted link into the central system, for the signing page's initiative."""
    route = signing_page.reverse_subpage("to_central_system", args=[partner] if partner else [])
    return signing_page.url + route


@require_safe
def to_central_system(request, signing_page, partner=""):
    initiative = signing_page.initiative_page().initiative
    target = initiative.central_system_link
    if initiative.signing_state != "central" or not target:
        response = redirect(signing_page.url)  # not (or no longer) on the central system
    else:
        if request.method == "GET":  # a HEAD (a link checker) sends nobody there
            known = partner_origins(initiative.pk)
            count_click_through(initiative.pk, partner if partner in known else "")
        response = HttpResponseRedirect(target)
    add_never_cache_headers(response)
    return response
