"""The paper forms as served: /<language>/paper-forms/<registration number>/<country>.pdf.

A form is drawn once for each content it shows and kept in the shared cache under the digest of
that content (signing.paper_form.content_digest: the record, the page's registered text, the
organisers, the rules, the legal texts, the catalogue and the code that draws it). A request
gathers the content (three small queries), computes the digest and sends the drawn form. Drawing
one takes about 0.2 s of CPU (0.4-1 s on a loaded machine), so no request waits for it: when a
form is missing, a thread of the process draws it and the reader gets a short page that reloads
in a few seconds (202, Refresh). Forms are drawn ahead, in the languages of the initiative's
pages, after any change they show commits (`build_after_change`, connected in signing.apps) and by
`manage.py build_paper_forms` (after a deployment, and from cron to refill an emptied cache).
"""

import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import get_language
from wagtail.models import Locale

from core.page_cache import is_restricted, public_page
from initiatives.countries import countries_in_reading_order
from initiatives.models import Initiative, InitiativePage

from .paper_form import content_digest, form_content, render_pdf
from .rules import RULES

logger = logging.getLogger(__name__)

# A drawn form is valid for as long as its digest: the timeout only bounds what an initiative
# nobody reads keeps in the cache.
PDF_SECONDS = 30 * 24 * 3600
BUILD_LOCK_SECONDS = 120
RETRY_SECONDS = 3


def pdf_key(digest):
    return f"paper-form:{digest}"


def initiative_page_for(registration_number, language):
    """The live initiative page in `language`, or else in the default language (a language
    offered for the interface only shows the default language's pages)."""
    pages = InitiativePage.objects.live().filter(
        initiative__registration_number=registration_number
    )
    page = pages.filter(locale__language_code=language).select_related("initiative").first()
    if page is None:
        page = pages.filter(locale=Locale.get_default()).select_related("initiative").first()
    if page is None or is_restricted(page):
        raise Http404
    return page


def content_for(page, country, language, organisers=None):
    return form_content(page, country, language, page.get_full_url(), organisers)


@public_page("content")
def paper_form(request, registration_number, country):
    country = country.upper()
    if country not in RULES:
        raise Http404
    language = get_language()
    content = content_for(initiative_page_for(registration_number, language), country, language)
    pdf = cache.get(pdf_key(content_digest(content)))
    if pdf is None:
        build_soon([content])
        return being_prepared(request)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{slugify(registration_number)}-{country.lower()}-{language}.pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def being_prepared(request):
    """A page that reloads until the form is drawn: never cached, never a visitor's wait. 202
    (accepted, being processed), not 503: nothing failed, and no error is logged or mailed."""
    html = render_to_string("signing/paper_form_pending.html", request=request)
    response = HttpResponse(html, status=202)
    response.headers["Retry-After"] = str(RETRY_SECONDS)
    response.headers["Refresh"] = str(RETRY_SECONDS)  # browsers reload it by themselves
    patch_cache_control(response, no_store=True)
    return response


def build(contents):
    """Draw each content's form that is missing, and keep it; returns how many were drawn."""
    drawn = 0
    for content in contents:
        key = pdf_key(content_digest(content))
        if cache.get(key) is None:
            cache.set(key, render_pdf(content), PDF_SECONDS)
            drawn += 1
    return drawn


def build_soon(contents):
    """Draw the missing forms in a thread of this process, each by one process at a time (a
    lock in the shared cache). The contents are plain data: the thread reads no database."""
    claimed = [
        content
        for content in contents
        if cache.add(pdf_key(content_digest(content)) + ":drawing", 1, BUILD_LOCK_SECONDS)
    ]
    if claimed:
        threading.Thread(target=_build_claimed, args=(claimed,), name="paper-forms",
                         daemon=True).start()  # fmt: skip


def _build_claimed(contents):
    try:
        build(contents)
    except Exception:  # a failed drawing is drawn again on the next request; never personal data
        logger.exception("Drawing a paper form failed")
    finally:
        for content in contents:
            cache.delete(pdf_key(content_digest(content)) + ":drawing")


def contents_of(initiative, languages=None):
    """The content of every form of `initiative`: each member state, in the languages of its
    live pages (or in `languages`, each with its page or the default language's)."""
    pages = list(InitiativePage.objects.live().filter(initiative=initiative).select_related(
        "locale", "initiative"))  # fmt: skip
    if not pages:
        return []
    by_language = {page.locale.language_code: page for page in pages}
    default = by_language.get(Locale.get_default().language_code, pages[0])
    organisers, contents = list(initiative.organisers.all()), []
    for language in languages or by_language:
        page = by_language.get(language, default)
        if is_restricted(page):
            continue
        contents += [content_for(page, country, language, organisers) for country in RULES]
    return contents


def form_links(initiative):
    """For the organisers: [(language name, [(country name, address)])], the forms in each
    language of the initiative's live pages, member states in that language's order."""
    codes = InitiativePage.objects.live().filter(initiative=initiative).values_list(
        "locale__language_code", flat=True)  # fmt: skip
    names = dict(settings.LANGUAGES)
    links = []
    for code in sorted(set(codes)):
        with translation.override(code):
            links.append((names.get(code, code), [
                (name, reverse("paper-form", kwargs={
                    "registration_number": initiative.registration_number,
                    "country": country.lower(),
                }))
                for country, name in countries_in_reading_order()
            ]))  # fmt: skip
    return links


def missing(contents):
    keys = {pdf_key(content_digest(content)): content for content in contents}
    found = cache.get_many(list(keys))
    return [content for key, content in keys.items() if key not in found]


def build_after_change(initiative_id):
    """After a change to an initiative, its page or its organisers commits: draw the forms it
    changed, in the background (settings.PAPER_FORMS_BUILD_AFTER_CHANGE)."""
    if not getattr(settings, "PAPER_FORMS_BUILD_AFTER_CHANGE", True):
        return

    def start():
        initiative = Initiative.objects.filter(pk=initiative_id).first()
        if initiative is not None:
            build_soon(missing(contents_of(initiative)))

    transaction.on_commit(start)
