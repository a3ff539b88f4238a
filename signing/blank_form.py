"""The blank statement form, built once per signing page, country and language (and a
petition's blank form, built once per petition page, language, layout and partner, whose name
its opt-in for updates shows: petitions.views).

Everything on the form's page is the same for every signer of one initiative, country and
language except the CSRF token, the CAPTCHA challenge and the query strings its links carry on
(a partner's code, signing.embedding). The page is rendered once with marks in their places and
kept in the cache under the content version (any change to the tree, the initiative or the
chrome sets a new one). Each request then fills in the marks: a token from Django's CSRF
machinery, the key of a new challenge (one INSERT; the picture and the audio are served under
that key) and its own query strings. A form sent back with errors carries what the signer typed
and is never built this way.
"""

import re

from captcha.models import CaptchaStore
from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import get_language

from core.captcha import new_challenge
from core.content_version import built_once_key, versioned_cache
from initiatives.countries import MEMBER_STATES

from .embedding import flow_links, frame_if_embedded, is_embedded
from .forms import StatementForm
from .rules import RULES

# Letters and digits only: they pass through HTML escaping unchanged, and neither a token nor
# any text on the page contains them by chance.
CSRF_MARK = "csrfmark9d2f7c41b8e6"
CAPTCHA_MARK = "captchamark4e8a1f0c93d7"
QUERY_MARKS = {"flow_query": "flowquerymark7b3e", "window_query": "windowquerymark2c9d"}
CAPTCHA_KEY = re.compile(r'name="captcha_0" value="(\w+)"')


def step_context(request, signing_page, country):
    """What signing.views.render_form_step puts in the form step's context, the query strings
    of its links as marks (the form posts to its own address)."""
    initiative_page = signing_page.initiative_page()
    return {
        "embedded": is_embedded(request),
        "page": signing_page,
        "initiative_page": initiative_page,
        "initiative": initiative_page.initiative,
        "country": country,
        "country_name": MEMBER_STATES[country],
        "part": RULES[country].part,
        **QUERY_MARKS,
    }


def marked(template, context, request):
    """A blank form's page rendered with marks where each request's token and challenge go."""
    html = render_to_string(template, {**context, "csrf_token": CSRF_MARK}, request=request)
    key = CAPTCHA_KEY.search(html).group(1)
    CaptchaStore.objects.filter(hashkey=key).delete()  # only its place on the page is kept
    html = html.replace(key, CAPTCHA_MARK)
    if html.count(CSRF_MARK) != 1 or CAPTCHA_MARK not in html:
        raise RuntimeError(f"{template} lost its token or its challenge")
    return html


def filled(request, html):
    """A built page with this request's token and a new challenge in their marks: private."""
    html = html.replace(CSRF_MARK, get_token(request)).replace(CAPTCHA_MARK, new_challenge())
    response = HttpResponse(html)
    # A token and a challenge of its own: no cache anywhere may keep or replay it.
    patch_cache_control(response, private=True, no_store=True)
    return response


def with_flow_links(html, links):
    """A built page with this request's query strings (`flow_links`) in their marks."""
    for name, value in links.items():
        html = html.replace(QUERY_MARKS[name], escape(value))
    return html


def build(request, signing_page, country):
    context = step_context(request, signing_page, country)
    return marked(
        "signing/statement_form.html",
        {**context, "form": StatementForm(country), "step": 2},
        request,
    )


def built_once(request, name, parts, build):
    """The page `name` of `parts` (what else it depends on), kept in the cache and built by
    `build()` when missing. Its key also holds what every such page depends on
    (core.content_version.built_once_key: the content version, scheme and host), the language
    and the layout. An editor's page carries Wagtail's user bar: it is built for them alone,
    and never kept."""
    layout = "embedded" if is_embedded(request) else "page"
    key = f"{name}:{built_once_key(request, get_language(), layout, *parts)}"
    shared = not request.user.is_authenticated
    html = versioned_cache.get(key, settings.ROUTE_CACHE_SECONDS) if shared else None
    if html is None:
        html = build()
        if shared:
            versioned_cache.set(key, html, settings.ROUTE_CACHE_SECONDS)
    return html


def blank_form_response(request, signing_page, country):
    html = built_once(
        request,
        "blank-form",
        [signing_page.pk, country],
        lambda: build(request, signing_page, country),
    )
    html = with_flow_links(html, flow_links(request, signing_page.initiative().pk))
    return frame_if_embedded(request, filled(request, html), signing_page.initiative().pk)
