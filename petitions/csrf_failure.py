"""CSRF_FAILURE_VIEW: a petition's form that failed the CSRF check comes back in its own layout
(in a partner's frame, framable by the same origins), with what the signer typed (but the
CAPTCHA) and a new token; every other request is answered by signing.csrf_failure (the signing
steps), which leaves the rest to the site's page."""

from django.views.decorators.debug import sensitive_post_parameters

from signing.csrf_failure import csrf_failure as signing_csrf_failure
from signing.csrf_failure import page_route

from . import views
from .models import PetitionPage


@sensitive_post_parameters()
def csrf_failure(request, reason=""):
    route = page_route(request)
    if route is None or not isinstance(route[0], PetitionPage) or route[1] != "sign":
        return signing_csrf_failure(request, reason)
    return views.sign_again(request, route[0])
