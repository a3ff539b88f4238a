"""The supporters' opt-in for the organisers' updates (Article 18 of Regulation 2019/788).

Offered on the receipt, after the statement is stored, as a form of its own: an unticked consent
box and the address. It is sent to the signing page's `updates/` route, which never sees the
statement's identifier; the address is encrypted to the organisers' key and stored apart from
the statements (signing.models.mailing_list). Without the tick nothing is stored. The server
never reads the address again and never writes to it.

Only a signer can opt in, once per signature: the request must carry the single-use token
issued with the signature (signing.updates_token), and it is counted in a rate-limit bucket of
its own (signing.ratelimit), so that opt-ins never use up a signer's submissions.
"""

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from . import updates_token
from .forms import OwnMessagesForm
from .ratelimit import allow_opt_in
from .services import NoPublicKey, NoUpdatesToken, record_mailing_address
from .views import render

# "An hour" is updates_token.TOKEN_SECONDS: change the two together.
NOT_AFTER_SIGNING = _(
    "Updates can be asked for once per statement of support, from its receipt, within an hour "
    "of signing. Nothing was stored."
)


class UpdatesOptInForm(OwnMessagesForm):
    # The address first: the error summary lists the errors in this order, as on the page.
    email = forms.CharField(
        label=_("Your e-mail address"),
        max_length=254,
        validators=[EmailValidator(message=_("Enter an e-mail address such as name@example.org."))],
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your e-mail address.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers of this initiative may send me information about it by "
            "e-mail. My address is kept apart from my statement of support, encrypted, and "
            "destroyed with the statements at the latest; I can ask the organisers to remove it "
            "at any time."
        ),
        error_messages={
            "required": _("Tick the box to receive the updates. Without it nothing is stored.")
        },
    )


@sensitive_post_parameters()
@sensitive_variables("form")
def updates(request, signing_page):
    initiative = signing_page.initiative()
    if request.method != "POST":
        return _step(request, signing_page, "updates", form=UpdatesOptInForm())
    if not initiative.is_collecting():
        return _step(request, signing_page, "outcome", outcome="not_collecting")
    if not allow_opt_in(request):
        return _step(request, signing_page, "outcome", status=429, outcome="rate_limited")
    form = UpdatesOptInForm(request.POST)
    if not form.is_valid():
        return _step(request, signing_page, "updates", form=form)
    try:
        record_mailing_address(
            initiative,
            form.cleaned_data["email"],
            updates_token.token_digest(request, initiative.pk),
        )
    except NoPublicKey:
        return _step(request, signing_page, "outcome", outcome="not_collecting")
    except NoUpdatesToken:
        form.add_error(None, NOT_AFTER_SIGNING)
        return _step(request, signing_page, "updates", form=form)
    stored = _step(request, signing_page, "updates", stored=True)
    return updates_token.used(request, stored, initiative.pk)


def _step(request, signing_page, template, status=200, **context):
    context["initiative_page"] = signing_page.initiative_page()
    return render(request, signing_page, template, context, status=status)
