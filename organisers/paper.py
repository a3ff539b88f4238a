"""Keying in signed paper statements: the organisers type a paper form's data into the admin.

The form is the signing form of the signatory's member state (signing.forms.StatementForm: the
same fields, rules and messages), without what only an online signer needs (the CAPTCHA, the
declaration and privacy boxes, which the paper form carries with its signature) and with the
day the paper form was signed, which decides the age rule as a statement's date does online.
The statement is encrypted to the same key and checked against every stored statement by the
same keyed hash (signing.services.record_paper_statement): a form of someone who already
signed, online or on paper, is flagged and not stored. No CAPTCHA or rate limit: only users with
`initiatives.key_in_paper_statements` who organise the initiative reach it. The response is
never cached; the audit log gets a count per form, never its content.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.generic import FormView
from wagtail.log_actions import log

from initiatives.countries import countries_in_reading_order, country_name
from initiatives.paper_days import OUTSIDE_THE_PERIOD, counts_on
from signing.forms import StatementForm
from signing.rules import RULES
from signing.services import AlreadySigned, NoPublicKey, record_paper_statement
from signing.written_dates import written_example

from .audit import PAPER_FORM_FLAGGED, PAPER_STATEMENT_KEYED_IN
from .views import KEY_IN, InitiativeMixin


class PaperCountryForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Member state of the signatory's nationality, as on the paper form"),
        choices=countries_in_reading_order,  # in the organiser's language's order
    )


class PaperStatementForm(StatementForm):
    """A member state's statement form as keyed in from paper; see the module's docstring."""

    ONLINE_ONLY = ("captcha", "declaration", "privacy")

    def __init__(self, country, *args, initiative, **kwargs):
        super().__init__(country, *args, **kwargs)
        self.initiative = initiative
        for name in self.ONLINE_ONLY:
            del self.fields[name]
        signed_on = forms.DateField(
            label=_("Date the paper form was signed"),
            input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"],
            widget=forms.DateInput(attrs={"type": "date"}),
            error_messages={
                "invalid": _("Enter a real date, for example %(example)s.")
                % {"example": written_example()}
            },
        )
        # First, so that the age rule and the date of birth are judged on that day.
        self.fields = {"signed_on": signed_on, **self.fields}

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        start, end = self.initiative.collection_start, self.initiative.collection_end
        if not counts_on(signed_on, start, end, today=self.today):
            raise forms.ValidationError(OUTSIDE_THE_PERIOD)
        self.today = signed_on
        return signed_on


@method_decorator(sensitive_post_parameters(), name="dispatch")
class KeyInPaperStatement(InitiativeMixin, FormView):
    permission_required = KEY_IN
    page_title = _("Key in paper statements")
    template_name = "organisers/paper.html"

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def has_permission(self):
        # An initiative whose editors have not switched keying in on refuses like a missing
        # permission (a 404 in the admin would be redirected to a language prefix).
        return super().has_permission() and self.initiative.keys_in_paper_statements

    def country(self):
        country = (self.request.GET.get("country") or "").upper()
        return country if country in RULES else None

    def get_form(self, form_class=None):
        country = self.country()
        if country is None:
            return PaperCountryForm(self.request.GET if "country" in self.request.GET else None)
        return PaperStatementForm(country, initiative=self.initiative, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        country = self.country()
        return super().get_context_data(
            initiative=self.initiative,
            country=country,
            country_name=country_name(country) if country else "",
            **kwargs,
        )

    @method_decorator(sensitive_variables("form"))
    def form_valid(self, form):
        country = form.country
        try:
            record_paper_statement(
                initiative=self.initiative,
                country=country,
                data=form.statement_data(),
                identity=form.identity(),
                signed_on=form.cleaned_data["signed_on"],
            )
        except AlreadySigned:
            log(self.initiative, PAPER_FORM_FLAGGED, user=self.request.user,
                data={"countries": {country: 1}, "total": 1})  # fmt: skip
            form.add_error(None, ALREADY_SIGNED)
            return self.form_invalid(form)
        except NoPublicKey:
            form.add_error(None, _("No key: statements cannot be collected."))
            return self.form_invalid(form)
        log(self.initiative, PAPER_STATEMENT_KEYED_IN, user=self.request.user,
            data={"countries": {country: 1}, "total": 1})  # fmt: skip
        messages.success(
            self.request,
            _("The paper statement was stored, encrypted. Key in the next form."),
        )
        return redirect(self.request.get_full_path())


ALREADY_SIGNED = _(
    "Flagged, not stored: this person has already supported the initiative, online or on a "
    "paper form keyed in before. Check what you typed against the paper form; if it matches, "
    "set the form aside as a duplicate."
)
