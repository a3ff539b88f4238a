"""The steps of signing a petition, served by PetitionPage's routes, and its open counts.

A partner's link or frame carries its code and `embed=1` through the steps (core.embedding):
the code is stored with the signature, which counts for that partner once confirmed; the steps
in a frame are framable by the petition's partners' origins only. The mailed links open in a
window of their own, so they carry neither: the signature already holds its partner.

Nothing a signer typed is logged, cached or kept in a session; every step that shows a form or
a link's page is private (no-store). The page that answers a signature says the same whatever
the address had done before: only the mail to that address tells (petitions.services).
"""

import csv

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from core.embedding import flow_links, frame_if_embedded, is_embedded, partner_code, with_flow
from signing.blank_form import QUERY_MARKS, built_once, filled, marked, with_flow_links
from signing.ratelimit import allow_submission

from . import services
from .figures import figures_for
from .forms import SignatureForm
from .partners import partner_origins

RATE_LIMIT_GROUP = "petitions.sign"


def step_context(request, page, links):
    """What every step's template is given; `links`, the query strings of its links (or their
    marks, for a page built once)."""
    return {"page": page, "petition": page.petition, "embedded": is_embedded(request), **links}


def render(request, page, template, context=None, status=200):
    origins = partner_origins(page.petition_id)
    response = TemplateResponse(
        request,
        f"petitions/{template}.html",
        {**step_context(request, page, flow_links(request, origins)), **(context or {})},
        status=status,
    )
    add_never_cache_headers(response)
    return frame_if_embedded(request, response, origins)


def built_step(request, page, template):
    """A step the same for every signer of the page in one language (nothing of theirs on it,
    no form): built once, as the statements' receipt is (signing.blank_form.built_once). The
    mailed links open outside any frame; in one, the page (whose frame links to its own
    address, the link's token in it) is rendered for its request alone."""
    if is_embedded(request):
        return render(request, page, template)
    html = built_once(
        request,
        f"petition-{template}",
        [page.pk],
        lambda: render_to_string(
            f"petitions/{template}.html", step_context(request, page, QUERY_MARKS), request
        ),
    )
    links = flow_links(request, partner_origins(page.petition_id))
    response = HttpResponse(with_flow_links(html, links))
    add_never_cache_headers(response)
    return response


def came_through(request, page):
    """The partner's code the request carries (one of the petition's, else "") and the partner."""
    code = partner_code(request, partner_origins(page.petition_id))
    return code, page.petition.partners.filter(code=code).first() if code else None


def blank_form(request, page, partner):
    """The form as every signer first meets it, built once per page, language, layout (in a
    partner's frame or not) and partner (its opt-in names it); each request fills in its token,
    challenge and query strings (signing.blank_form). A form sent back with errors carries what
    was typed and is rendered for its signer alone."""

    def build():
        form = SignatureForm(page.petition, partner=partner)
        context = {**step_context(request, page, QUERY_MARKS), "form": form}
        return marked("petitions/sign.html", context, request)

    html = built_once(request, "petition-form", [page.pk, partner.code if partner else ""], build)
    origins = partner_origins(page.petition_id)
    html = with_flow_links(html, flow_links(request, origins))
    return frame_if_embedded(request, filled(request, html), origins)


@sensitive_post_parameters()
def sign(request, page):
    petition = page.petition
    if not petition.is_open_on(timezone.localdate()):
        return render(request, page, "closed")
    code, partner = came_through(request, page)
    if request.method != "POST":
        return blank_form(request, page, partner)
    if not allow_submission(request, RATE_LIMIT_GROUP):
        return render(request, page, "rate_limited", status=429)
    form = SignatureForm(petition, request.POST, partner=partner)
    if not form.is_valid():
        return render(request, page, "sign", {"form": form}, status=400)
    services.sign(
        page,
        form.signature_data(),
        form.cleaned_data["email"],
        translation.get_language(),
        partner=code,
        updates=form.updates_lists(),
    )
    sent_url = page.url + page.reverse_subpage("sent")
    return redirect(with_flow(sent_url, request, partner_origins(page.petition_id)))


@sensitive_variables("posted", "typed")
def sign_again(request, page):
    """The form sent back after a failed CSRF check, with what was typed but the CAPTCHA."""
    _code, partner = came_through(request, page)
    posted = SignatureForm(page.petition, request.POST, partner=partner)
    typed = {name: posted[name].value() for name in posted.fields if name != "captcha"}
    form = SignatureForm(page.petition, initial=typed, partner=partner)
    return render(request, page, "sign", {"form": form, "csrf_failed": True}, status=403)


def sent(request, page):
    return render(request, page, "sent")


def confirm(request, page, token):
    return link_step(request, page, "confirm", token, services.confirm)


def remove(request, page, token):
    return link_step(request, page, "remove", token, services.remove)


def link_step(request, page, route, token, act):
    """A mailed link: GET asks (a mail scanner following the link changes nothing), POST acts."""
    signature = services.signature_for(page, route, token)
    if signature is None:
        return render(request, page, "link_unknown", {"route": route}, status=404)
    if request.method == "POST":
        act(signature)
        return built_step(request, page, f"{route}_done")
    return render(request, page, f"{route}_ask")


def open_counts(petition):
    figures = figures_for(petition)
    return figures, {
        "petition": str(petition.uid),
        "target": figures.target,
        "total": figures.total,
        "online": figures.total - figures.paper,
        "paper": figures.paper,
        "taken_at": figures.taken_at.isoformat(),
        "countries": [
            {"country": country, "signatures": count}
            for country, count in figures.countries.items()
        ],
        "days": [{"date": day.isoformat(), "signatures": count} for day, count in figures.days],
        "partners": [
            {"code": code, "name": name, "signatures": count}
            for code, name, count in figures.partners
        ],
    }


def opened(response, figures):
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Last-Modified"] = http_date(figures.taken_at.timestamp())
    return response


def counts_json(request, page):
    figures, document = open_counts(page.petition)
    return opened(JsonResponse(document, json_dumps_params={"ensure_ascii": False}), figures)


def days_csv(request, page):
    figures = figures_for(page.petition)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{page.slug}-days.csv"'
    writer = csv.writer(response)
    writer.writerow(["date", "signatures"])
    writer.writerows([day.isoformat(), count] for day, count in figures.days)
    return opened(response, figures)
