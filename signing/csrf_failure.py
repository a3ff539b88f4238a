"""The page for a form that failed the CSRF check (CSRF_FAILURE_VIEW), framed like its step.

Django answers such a form before any view runs, so the signing flow's own framing decision
(signing.embedding) is never taken: a step of the flow in a partner's frame got the site's
page with `frame-ancestors 'none'`, and the partner's visitor saw an empty frame; and a signer
lost all they had typed. Here the request is routed as Wagtail routes it: a step of a signing
page gets the message in its own layout (in a partner's frame, framable by the same origins),
and the statement form comes back with what the signer typed (but the CAPTCHA) and a new token.
Every other form gets the site's page (home.views.csrf_failure).
"""

from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.views import serve

from home.views import csrf_failure as site_csrf_failure

from .forms import StatementForm
from .models import SigningPage
from .rules import RULES
from .views import render, render_form_step


def page_route(request):
    """(routable page, view name, view kwargs) of the step the form was sent to, or None.
    Petitions' steps are answered the same way (petitions.csrf_failure)."""
    match = request.resolver_match
    if match is None or match.func is not serve:
        return None
    # wagtail.urls passes the path positionally; serve(request, path)
    path = match.kwargs.get("path") or (match.args[0] if match.args else "")
    route = Page.route_for_request(request, path)
    if route is None or not isinstance(route[0], RoutablePageMixin):
        return None
    page, (view, _, kwargs) = route[0], route[1]
    return page, view.__name__, kwargs


@sensitive_post_parameters()
@sensitive_variables("sent", "typed")
def csrf_failure(request, reason=""):
    route = page_route(request)
    if route is None or not isinstance(route[0], SigningPage):
        return site_csrf_failure(request, reason)
    signing_page, view_name, kwargs = route
    country = kwargs.get("country", "").upper()
    if view_name == "statement_form" and country in RULES:
        sent = StatementForm(country, request.POST)
        typed = {name: sent[name].value() for name in sent.fields if name != "captcha"}
        return render_form_step(
            request, signing_page, country, "statement_form", status=403,
            form=StatementForm(country, initial=typed), csrf_failed=True,
        )  # fmt: skip
    return render(
        request, signing_page, "csrf_failure",
        {"initiative_page": signing_page.initiative_page(), "retry_path": request.path},
        status=403,
    )  # fmt: skip
