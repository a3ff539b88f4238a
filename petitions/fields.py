"""What a petition may ask of a signer: a fixed set that a person can understand, declared once.

An editor chooses among FIELDS for each petition (Petition.fields); the signing form, the
encrypted signature and the organisers' export are all derived from that choice and this
declaration. Nothing else can be asked: there is no free field, so no petition can collect data
the site cannot protect. The e-mail address is always asked (EMAIL): it confirms the signature,
and its normalised form is the signer's identity for duplicate detection; it is never stored.
"""

import contextlib
import unicodedata
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.countries import countries_in_reading_order

OTHER_COUNTRY = "XX"


def residence_choices():
    """The member states in the reader's alphabetical order, then "another country"."""
    return [*countries_in_reading_order(), (OTHER_COUNTRY, _("Another country"))]


def text(max_length, autocomplete, *, required=True, widget=None):
    def build(label, help_text):
        attrs = {"autocomplete": autocomplete} if autocomplete else {}
        return forms.CharField(
            label=label,
            help_text=help_text,
            max_length=max_length,
            required=required,
            widget=(widget or forms.TextInput)(attrs={**attrs, "maxlength": max_length}),
        )

    return build


def residence(label, help_text):
    return forms.ChoiceField(
        label=label, help_text=help_text, choices=residence_choices, widget=forms.Select
    )


def consent(label, help_text):
    return forms.BooleanField(label=label, help_text=help_text, required=False)


@dataclass(frozen=True)
class PetitionField:
    key: str
    label: str
    build: object  # (label, help_text) -> a form field
    help_text: str = ""
    # Counted per value: the figures per country read it (only the country of residence).
    counted: bool = False


EMAIL = PetitionField(
    "email",
    _("E-mail address"),
    lambda label, help_text: forms.EmailField(
        label=label,
        help_text=help_text,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
    ),
    _("We send a link to this address: your signature counts once you open it."),
)

FIELDS = (
    PetitionField("given_names", _("Given names"), text(100, "given-name")),
    PetitionField("family_names", _("Family names"), text(100, "family-name")),
    PetitionField("country", _("Country of residence"), residence, counted=True),
    PetitionField("postal_code", _("Postal code"), text(12, "postal-code")),
    PetitionField("city", _("City or town"), text(100, "address-level2")),
    PetitionField("organisation", _("Organisation"), text(200, "organization", required=False)),
    PetitionField(
        "comment",
        _("A short comment"),
        text(500, "", required=False, widget=forms.Textarea),
        _(
            "Shown on this page with your name, once a moderator has approved it, only if you "
            "allow your name to be shown below; otherwise only the organisers read it."
        ),
    ),  # fmt: skip
    PetitionField(
        "show_name",
        _("Show my name publicly with the petition"),
        consent,
        _(
            "Ticking this is your consent to publication: once you have confirmed your signature "
            "and a moderator has approved them, your name and comment are shown on this page "
            "until you remove your signature. Without it, your name is only given to the "
            "addressee."
        ),
    ),
)
BY_KEY = {field.key: field for field in FIELDS}
CHOICES = [(field.key, field.label) for field in FIELDS]


def form_fields(keys):
    """The form fields for the chosen keys, in the declaration's order, then the address."""
    chosen = [field for field in FIELDS if field.key in set(keys)]
    return {field.key: field.build(field.label, field.help_text) for field in (*chosen, EMAIL)}


def normalised_address(address):
    """The identity of a signer: the address as one mailbox, whatever way it was typed.

    Compatibility forms folded and case ignored (no provider in practice treats two cases of a
    local part as two mailboxes); the domain in its ASCII (IDNA) form, so that `bücher.example`
    and `xn--bcher-kva.example` are one."""
    address = unicodedata.normalize("NFKC", address).strip().casefold()
    local, _at, domain = address.rpartition("@")
    # A name IDNA cannot encode stays as typed: the form's validation already accepted it.
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"
