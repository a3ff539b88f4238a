"""The supporters' opt-in for the organisers' updates (Article 18 of Regulation 2019/788).

Offered on the receipt, after the statement is stored, as a form of its own: an unticked consent
box and the address. It is sent to the signing page's `updates/` route, which never sees the
statement's identifier; the address is encrypted to the organisers' key and stored apart from
the statements (signing.models.mailing_list). Without the tick nothing is stored. The server
never reads the address again and never writes to it.
"""

from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from .forms import OwnMessagesForm
from .ratelimit import allow_submission
from .services import NoPublicKey, record_mailing_address
from .views import render


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
    if not allow_submission(request):
        return _step(request, signing_page, "outcome", status=429, outcome="rate_limited")
    form = UpdatesOptInForm(request.POST)
    if not form.is_valid():
        return _step(request, signing_page, "updates", form=form)
    try:
        record_mailing_address(initiative, form.cleaned_data["email"])
    except NoPublicKey:
        return _step(request, signing_page, "outcome", outcome="not_collecting")
    return _step(request, signing_page, "updates", stored=True)


def _step(request, signing_page, template, status=200, **context):
    context["initiative_page"] = signing_page.initiative_page()
    return render(request, signing_page, template, context, status=status)
