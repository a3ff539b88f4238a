"""The signing forms. The fields and checks of each member state come from `signing.rules`."""

import copy
import datetime
import functools
import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from core.captcha import EXPIRED, RIGHT, Answer, SingleUseCaptchaField, answer_state
from initiatives.countries import countries_in_reading_order, country_name

from .expected_formats import expected_from_example, expected_from_pattern
from .national_ids import InvalidNumber
from .rules import POSTAL_CODE_EXAMPLES, POSTAL_CODES, RULES
from .written_dates import parse_written_date, written_example

OTHER_COUNTRY = "other"
NAME_MAX_LENGTH = 100


def compact_number(text):
    """The number without the spaces, dots, slashes and hyphens people type in it."""
    return re.sub(r"[\s.\-/]", "", text).upper()


# Django's own wording for these errors is not translated into every official language (it has
# no Maltese catalogue), so the signing forms carry their own.
OWN_ERROR_MESSAGES = {
    "max_length": ngettext_lazy(
        "This is too long: use at most %(limit_value)d character.",
        "This is too long: use at most %(limit_value)d characters.",
        "limit_value",
    ),
    "invalid_choice": _("Choose one of the options offered."),
}


class OwnMessagesForm(forms.Form):
    # Applied when the form cleans, so that fields a form adds in its own __init__ get them too.
    def full_clean(self):
        self.use_own_messages()
        super().full_clean()

    def use_own_messages(self):
        for field in self.fields.values():
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = OWN_ERROR_MESSAGES["max_length"]
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = OWN_ERROR_MESSAGES["invalid_choice"]


class ChooseCountryForm(OwnMessagesForm):
    country = forms.ChoiceField(
        label=_("Which member state's nationality do you have?"),
        help_text=_(
            "Your statement counts for the country of your nationality. If you have several, "
            "choose one: you may support an initiative only once."
        ),
        choices=countries_in_reading_order,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the country of your nationality.")},
    )


class WrittenDateField(forms.DateField):
    """A date as the signer writes it: any common order of day, month and year and any common
    separator (signing.written_dates); a text field, since a browser's date picker shows the
    format of the browser's locale (mm/dd/yyyy in American English)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        parsed = parse_written_date(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class NameField(forms.CharField):
    default_error_messages = {
        "digits": _("A name cannot contain digits."),
        "letters": _("Type the name with letters."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=NAME_MAX_LENGTH, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and any(ch.isdigit() for ch in value):
            raise forms.ValidationError(self.error_messages["digits"], code="digits")
        if value and not any(ch.isalpha() for ch in value):
            raise forms.ValidationError(self.error_messages["letters"], code="letters")
        return value


def document_number_attrs(identifiers):
    """The number pad where every accepted number is digits only (an EGN, a PESEL)."""
    attrs = {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
    if all(re.fullmatch(r"\[0-9\](\{[0-9,]+\})?", item.pattern) for item in identifiers):
        attrs["inputmode"] = "numeric"
    return attrs


# 27 countries in 24 languages make 648 sets: the ones a rush uses stay, others are rebuilt
# (under a millisecond) rather than all kept in every process.
@functools.lru_cache(maxsize=256)
def statement_fields(country, language):
    """The fields of one member state's form in one language, built once: their labels and
    help, and the order of the countries, are the language's (`language` is the active one,
    the key of this cache). Each form takes a copy, as Django copies a form's declared fields."""
    rule = RULES[country]
    fields = {item.name: FORM_FIELDS[item.kind](item, rule) for item in rule.fields}
    # Shown only beside a format warning (StatementForm.format_warning): a pattern no check
    # digit verifies may be wrong, so the signer may confirm what they typed and go on.
    fields["format_confirmed"] = forms.BooleanField(
        required=False,
        label=_("What I typed is correct as it is: accept it despite the warning."),
    )
    fields["declaration"] = forms.BooleanField(
        label=_(
            "I hereby declare that the information I have provided in this form is correct "
            "and that I have not already supported this proposed citizens' initiative."
        ),
        error_messages={"required": _("Confirm the declaration to support the initiative.")},
    )
    fields["privacy"] = forms.BooleanField(
        label=_("I have read the privacy statement."),
        error_messages={"required": _("Confirm that you have read the privacy statement.")},
    )
    fields["captcha"] = SingleUseCaptchaField(
        label=_("Type the characters you see in the picture"),
        help_text=_("This shows us that a person, not a program, is signing."),
        error_messages={
            "invalid": _("The characters do not match the picture. Try the new picture."),
            "expired": ngettext(
                "The picture expired: it is valid for %(minutes)s minute. Type the characters "
                "of the new picture.",
                "The picture expired: it is valid for %(minutes)s minutes. Type the characters "
                "of the new picture.",
                settings.CAPTCHA_TIMEOUT,
            )
            % {"minutes": settings.CAPTCHA_TIMEOUT},
            "required": _("Type the characters you see in the picture."),
        },
    )
    return fields


# The form field of each kind of statement datum (signing.rules.StatementField.kind).


def name_field(item, rule):
    return NameField(
        label=item.label,
        error_messages={"required": item.required_message},
        widget=forms.TextInput(attrs={"autocomplete": item.autocomplete}),
    )


def line_field(item, rule):
    attrs = {"autocomplete": item.autocomplete} if item.autocomplete else {}
    return forms.CharField(
        label=item.label,
        max_length=item.max_length,
        error_messages={"required": item.required_message},
        widget=forms.TextInput(attrs=attrs),
    )


def residence_field(item, rule):
    return forms.ChoiceField(
        label=item.label,
        choices=[*countries_in_reading_order(), (OTHER_COUNTRY, _("Another country"))],
        initial=rule.code,
        widget=forms.Select(attrs={"autocomplete": item.autocomplete}),
        error_messages={"required": item.required_message},
    )


def residence_other_field(item, rule):
    return forms.CharField(
        label=item.label,
        max_length=item.max_length,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": item.autocomplete}),
    )


def date_field(item, rule):
    return WrittenDateField(
        label=item.label,
        help_text=_("For example %(example)s.") % {"example": written_example()},
        widget=forms.TextInput(attrs={"autocomplete": item.autocomplete}),
        error_messages={
            "required": item.required_message,
            "invalid": _("Enter a real date, for example %(example)s.")
            % {"example": written_example()},
        },
    )


def document_type_field(item, rule):
    identifiers = rule.identifiers
    return forms.ChoiceField(
        label=item.label,
        choices=[(identifier.kind, identifier.label) for identifier in identifiers],
        initial=identifiers[0].kind,
        widget=forms.RadioSelect if len(identifiers) > 1 else forms.HiddenInput,
        error_messages={"required": item.required_message},
    )


def format_message(identifier):
    """What is wrong with a number of the wrong form, and what is expected of it."""
    expected = expected_from_pattern(identifier.pattern, identifier.example)
    if identifier.example:
        return _(
            "This number does not have the expected form. %(document)s: %(expected)s, for "
            "example %(example)s."
        ) % {"document": identifier.label, "expected": expected, "example": identifier.example}
    return _("This number does not have the expected form. %(document)s: %(expected)s.") % {
        "document": identifier.label, "expected": expected
    }  # fmt: skip


def document_number_field(item, rule):
    identifiers = rule.identifiers
    if len(identifiers) == 1:
        # The label above the field names the one document: its example alone, and a message
        # that names it when the field is left empty.
        (only,) = identifiers
        examples = [only.example] if only.example else []
        required = _("Enter the number. %(document)s: %(expected)s.") % {
            "document": only.label, "expected": expected_from_pattern(only.pattern, only.example)
        }  # fmt: skip
    else:
        examples = [f"{each.label}: {each.example}" for each in identifiers if each.example]
        required = item.required_message
    return forms.CharField(
        label=identifiers[0].label if len(identifiers) == 1 else item.label,
        max_length=item.max_length,
        help_text=_("For example %(example)s.") % {"example": "; ".join(examples)}
        if examples
        else "",
        error_messages={"required": required},
        widget=forms.TextInput(attrs=document_number_attrs(identifiers)),
    )


FORM_FIELDS = {
    "name": name_field,
    "line": line_field,
    "residence": residence_field,
    "residence_other": residence_other_field,
    "date": date_field,
    "document_type": document_type_field,
    "document_number": document_number_field,
}


class StatementForm(OwnMessagesForm):
    """The statement of support for one member state: exactly its Annex III data."""

    def __init__(self, country, *args, today=None, answer_checked_on_storing=False, **kwargs):
        """With `answer_checked_on_storing`, a valid form leaves its CAPTCHA challenge to the
        statement that stores the signature (`answer`; signing.services); if its other checks
        fail, it uses the challenge up itself."""
        super().__init__(*args, **kwargs)
        self.country = country
        self.rule = RULES[country]
        self.today = today or timezone.localdate()
        self.birth_date = None
        # A number or postal code that does not match a pattern no check verifies: a warning
        # the signer may confirm (format_confirmed), as the Commission's software lets them.
        self.format_warning = False
        self.fields = copy.deepcopy(statement_fields(country, get_language()))
        self.fields["captcha"].deferred = answer_checked_on_storing

    def full_clean(self):
        super().full_clean()
        answer = self.answer
        if answer is not None and self.errors and (state := answer_state(answer)) != RIGHT:
            self.reject_answer(expired=state == EXPIRED)

    @property
    def answer(self):
        """The CAPTCHA answer left to the storing statement, if any (see __init__)."""
        answer = getattr(self, "cleaned_data", {}).get("captcha")
        return answer if isinstance(answer, Answer) else None

    def reject_answer(self, expired=False):
        code = "expired" if expired else "invalid"
        self.add_error(
            "captcha",
            forms.ValidationError(self.fields["captcha"].error_messages[code], code=code),
        )

    # --- Validation ------------------------------------------------------------------------------

    def clean_date_of_birth(self):
        birth = self.cleaned_data["date_of_birth"]
        if birth > self.today:
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        if birth < datetime.date(1900, 1, 1):
            raise forms.ValidationError(_("Check the year of your date of birth."))
        return birth

    def clean(self):
        cleaned = super().clean()
        if self.rule.part == "A":
            self.clean_address(cleaned)
            self.birth_date = cleaned.get("date_of_birth")
            self.check_age("date_of_birth")
        else:
            self.clean_document(cleaned)
            self.check_age("document_number")
        return cleaned

    def clean_address(self, cleaned):
        residence = cleaned.get("residence_country")
        if residence == OTHER_COUNTRY and not cleaned.get("residence_country_other", "").strip():
            self.add_error(
                "residence_country_other", _("Enter the name of the country where you live.")
            )
        postal = cleaned.get("postal_code", "").strip()
        pattern = POSTAL_CODES.get(residence)
        if postal and pattern and not re.fullmatch(pattern, postal):
            example = POSTAL_CODE_EXAMPLES[residence]
            self.warn_of_format(
                cleaned,
                "postal_code",
                _(
                    "This postal code does not have the expected form. %(country)s: "
                    "%(expected)s, for example %(example)s."
                )
                % {
                    "country": country_name(residence),
                    "expected": expected_from_example(example),
                    "example": example,
                },
            )

    def warn_of_format(self, cleaned, field, message):
        """A format no check digit verifies: a warning, unless the signer confirmed it."""
        if cleaned.get("format_confirmed"):
            return
        self.format_warning = True
        self.add_error(
            field, f"{message} {_('If it is correct as you typed it, confirm it below.')}"
        )

    def clean_document(self, cleaned):
        kind, number = cleaned.get("document_type"), cleaned.get("document_number")
        if not kind or not number:
            return
        identifier = self.rule.identifier(kind)
        compact = compact_number(number)
        if not re.fullmatch(identifier.pattern, compact):
            if identifier.check:  # python-stdnum verifies these numbers: a refusal
                self.add_error("document_number", format_message(identifier))
            else:
                self.warn_of_format(cleaned, "document_number", format_message(identifier))
            return
        if identifier.check:
            try:
                self.birth_date = identifier.check(compact)
            except InvalidNumber:
                self.add_error(
                    "document_number",
                    _("This number is not valid: a digit is probably mistyped. Check it."),
                )

    def check_age(self, field):
        minimum = self.rule.minimum_age_on(self.today)
        if self.birth_date and self.rule.age_on(self.birth_date, self.today) < minimum:
            self.add_error(
                field,
                # The member state and its age as label and value, as in the postal code's
                # message: a country's name cannot take the case a preposition would need. The
                # word for "years" takes its plural form by the age.
                ngettext(
                    "This date of birth is under the minimum age to support an initiative. "
                    "%(country)s: %(age)s year.",
                    "This date of birth is under the minimum age to support an initiative. "
                    "%(country)s: %(age)s years.",
                    minimum,
                )
                % {"country": country_name(self.country), "age": minimum},
            )

    # --- What is stored ------------------------------------------------------------------------

    def statement_data(self):
        """The statement as typed, for encryption: the member state's data (signing.rules)."""
        data = {"country": self.country}
        for item in self.rule.fields:
            value = self.cleaned_data.get(item.name, "")
            data[item.name] = value.isoformat() if isinstance(value, datetime.date) else value
        return data

    def identity(self):
        """The key that decides whether two statements are one person's: computed from the
        statement as encrypted, by the rules table (signing.rules.CountryRule.identity)."""
        return self.rule.identity(self.statement_data())


class ReceiptLookupForm(OwnMessagesForm):
    identifier = forms.UUIDField(
        label=_("Identifier of the statement"),
        help_text=_("As shown on your receipt, for example 3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f."),
        error_messages={
            "required": _("Enter the identifier from your receipt."),
            "invalid": _("An identifier has 32 letters and digits in groups, as on the receipt."),
        },
    )
