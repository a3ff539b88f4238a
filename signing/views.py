"""The steps of signing, served by SigningPage's routes.

Every view that sees personal data is marked so that Django's error reports leave it out; none
of them logs, caches or puts in the session anything the signer typed.
"""

import uuid

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from initiatives.countries import MEMBER_STATES

from . import updates_token
from .blank_form import blank_form_response
from .call_to_sign import call_to_sign_url
from .embedding import (
    flow_links,
    flow_parameters,
    frame_if_embedded,
    is_embedded,
    partner_code,
    with_flow,
)
from .forms import ChooseCountryForm, ReceiptLookupForm, StatementForm
from .models.statements import Statement
from .ratelimit import allow_submission
from .receipt_page import receipt_response, receipt_statement
from .rules import RULES
from .services import AlreadySigned, InitiativeChanged, WrongAnswer, record_statement


def render(request, signing_page, template, context, status=200, private=True):
    """Render a step; the context always carries the initiative page the signer reads, and for
    the three numbered steps (nationality, details, receipt) its `step`, which the page shows.

    No step with anything of the signer's may be kept by a browser or a proxy: a form sent back
    with its errors repeats what was typed, and a receipt or a lookup says who signed where
    (Cache-Control: no-store). The choice of nationality is the same for everyone (private=False):
    the page cache decides how public it is (core/page_cache.py). Embedded in a partner's frame
    (signing.embedding), a step is framable by the partners' sites and carries the flow on.
    """
    initiative_page = context["initiative_page"]
    if initiative_page.initiative.signing_state == "central":  # the call to sign, counted
        partner = partner_code(request, initiative_page.initiative_id)
        context["call_to_sign_url"] = call_to_sign_url(signing_page, partner)
    response = TemplateResponse(
        request,
        f"signing/{template}.html",
        {
            "page": signing_page,
            "initiative_page": initiative_page,
            "initiative": initiative_page.initiative,
            "embedded": is_embedded(request),
            "flow": flow_parameters(request, initiative_page.initiative_id),
            **flow_links(request, initiative_page.initiative_id),
            **context,
        },
        status=status,
    )
    frame_if_embedded(request, response, initiative_page.initiative_id)
    return never_cache_response(response) if private else response


def never_cache_response(response):
    add_never_cache_headers(response)
    return response


def choose_country(request, signing_page):
    initiative_page = signing_page.initiative_page()
    if not initiative_page.initiative.is_collecting():
        return render(
            request, signing_page, "outcome",
            {"initiative_page": initiative_page, "outcome": "not_collecting"}, private=False,
        )  # fmt: skip
    # The choice is sent by GET (it is not data to protect); the button's own name tells a
    # submission without a choice from a first visit, so that it gets its error message.
    submitted = "country" in request.GET or "step" in request.GET
    form = ChooseCountryForm(request.GET if submitted else None)
    if form.is_valid():
        country = form.cleaned_data["country"].lower()
        url = signing_page.url + signing_page.reverse_subpage(
            "statement_form", kwargs={"country": country}
        )
        return redirect(with_flow(url, request, initiative_page.initiative_id))
    return render(
        request, signing_page, "choose_country",
        {"form": form, "initiative_page": initiative_page, "step": 1}, private=False,
    )  # fmt: skip


@sensitive_post_parameters()
@sensitive_variables("form")
def statement_form(request, signing_page, country):
    country = country.upper()
    if country not in RULES:
        raise Http404
    initiative = signing_page.initiative()
    if request.method == "POST" and initiative.is_collecting():
        if not allow_submission(request):
            return render_form_step(
                request, signing_page, country, "outcome", status=429, outcome="rate_limited"
            )
        form = StatementForm(country, request.POST, answer_checked_on_storing=True)
        if form.is_valid():
            try:
                statement = store_statement(
                    signing_page, initiative, country, form, partner_code(request, initiative.pk)
                )
            except WrongAnswer as wrong:
                form.reject_answer(expired=wrong.expired)
                return render_form_step(
                    request, signing_page, country, "statement_form", form=form, step=2
                )
            except AlreadySigned:
                return render_form_step(
                    request, signing_page, country, "outcome", outcome="already_signed"
                )
            except InitiativeChanged:
                return render_form_step(
                    request, signing_page, country, "outcome", outcome="not_collecting"
                )
            # The common case of a signing rush ends here, without loading the page's content,
            # nor the sites' root paths that signing_page.url reads: the form was posted to the
            # page's own address followed by the country's route.
            form_route = signing_page.reverse_subpage(
                "statement_form", kwargs={"country": country.lower()}
            )
            url = request.path.removesuffix(form_route) + signing_page.reverse_subpage(
                "receipt", kwargs={"identifier": str(statement.id)}
            )
            response = never_cache_response(
                # Its own fragment: a redirect without one would keep the form's.
                redirect(with_flow(url, request, initiative.pk, keep_partner=False) + "#receipt")
            )
            # The signer's one opt-in for updates, proof that it follows a signature.
            return updates_token.issue(request, response, initiative.pk)
        return render_form_step(request, signing_page, country, "statement_form", form=form, step=2)
    if not initiative.is_collecting():
        return render_form_step(request, signing_page, country, "outcome", outcome="not_collecting")
    return blank_form_response(request, signing_page, country)  # built once (blank_form.py)


@sensitive_variables("form")
def store_statement(signing_page, initiative, country, form, partner):
    """Store under the initiative as read (perhaps from the cache), checking the form's CAPTCHA
    answer in the same statement; if the initiative has changed since, once more under its
    state read now, while it still collects (the answer was right, and its challenge is gone)."""
    try:
        return record_from_form(signing_page, initiative, country, form, partner, form.answer)
    except InitiativeChanged:
        initiative = signing_page.initiative(cached=False)
        if not initiative.is_collecting():
            raise
        return record_from_form(signing_page, initiative, country, form, partner)


@sensitive_variables("form")
def record_from_form(signing_page, initiative, country, form, partner, answer=None):
    return record_statement(
        initiative=initiative,
        country=country,
        data=form.statement_data(),
        identity=form.identity(),
        language=translation.get_language(),
        page_revision_id=initiative.page_revision_id,
        signing_page_id=signing_page.pk,  # live and unrestricted, checked where it is stored
        partner=partner,
        answer=answer,
    )


def render_form_step(request, signing_page, country, template, status=200, **context):
    return render(
        request,
        signing_page,
        template,
        {"initiative_page": signing_page.initiative_page(), "country": country,
         "country_name": MEMBER_STATES[country], "part": RULES[country].part, **context},
        status=status,
    )  # fmt: skip


def canonical_uuid(text):
    """The UUID written exactly as a receipt writes it, or None: the route only knows the
    characters, and any other spelling of a UUID would be another URL for the same receipt."""
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    return value if str(value) == text else None


def receipt(request, signing_page, identifier):
    identifier = canonical_uuid(identifier)
    if identifier is None:
        raise Http404
    statement = receipt_statement(identifier, signing_page.initiative().pk)
    if statement is None:
        raise Http404
    return receipt_response(request, signing_page, statement)  # built once (receipt_page.py)


def lookup(request, signing_page):
    initiative_page = signing_page.initiative_page()
    form = ReceiptLookupForm(request.GET if "identifier" in request.GET else None)
    result = None
    if form.is_valid():
        statement = (
            Statement.objects.filter(
                pk=form.cleaned_data["identifier"], initiative_id=initiative_page.initiative_id
            )
            .only("country", "submitted_on")
            .first()
        )
        result = {
            "found": statement is not None,
            "statement": statement,
            "country_name": MEMBER_STATES[statement.country] if statement else "",
        }
    return render(
        request, signing_page, "lookup",
        {"form": form, "result": result, "initiative_page": initiative_page},
    )  # fmt: skip
