"""The signing form of a petition: the fields its record chose (petitions.fields), the address,
the privacy notice, the opt-in for updates (from the organisers, and from the partner the signer
came through, if any: two boxes, unticked) and the CAPTCHA."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.captcha import SingleUseCaptchaField
from signing.forms import OwnMessagesForm

from . import fields as petition_fields

ORGANISERS = ""  # the organisers' list of addresses for updates; a partner's is its code


class SignatureForm(OwnMessagesForm):
    def __init__(self, petition, *args, partner=None, **kwargs):
        """`partner`: the PetitionPartner the signer came through, or None."""
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.fields.update(petition_fields.form_fields(petition.fields))
        self.fields["email"].error_messages.update(
            {
                "required": _("Enter your e-mail address: your signature counts once you open "
                              "the link we send to it."),
                "invalid": _("Enter an e-mail address such as name@example.org."),
            }
        )  # fmt: skip
        for name in petition.fields:
            field = self.fields[name]
            if field.required:
                field.error_messages["required"] = _("Fill in this field: %(label)s.") % {
                    "label": field.label
                }
        self.fields["privacy"] = forms.BooleanField(
            label=_("I have read how my data is used, above."),
            error_messages={"required": _("Confirm that you have read how your data is used.")},
        )
        self.fields["updates"] = forms.BooleanField(
            required=False,
            label=_("The organisers of this petition may send me news about it by e-mail."),
            help_text=_(
                "Only once you have confirmed your signature. Your address is then kept apart from "
                "it, encrypted so that only the organisers can read it; they give it only to the "
                "organisation you agreed to hear from, and remove it whenever you ask them."
            ),
        )
        if partner is not None:
            self.fields["partner_updates"] = forms.BooleanField(
                required=False,
                label=_(
                    "%(partner)s, the organisation that brought me to this petition, may also "
                    "send me news by e-mail."
                )
                % {"partner": partner.name},
            )
        self.fields["captcha"] = SingleUseCaptchaField(
            label=_("Type the characters you see in the picture"),
            help_text=_("This shows us that a person, not a program, is signing."),
            error_messages={
                "invalid": _("The characters do not match the picture. Try the new picture."),
                "required": _("Type the characters you see in the picture."),
            },
        )

    def details(self):
        """The fields shown before the privacy notice: what the petition asks, and the address.
        The consents and the CAPTCHA follow the notice."""
        return [
            self[name] for name in self.fields if name in petition_fields.BY_KEY or name == "email"
        ]

    def signature_data(self):
        """What is encrypted: the chosen fields, as typed. The address is not among them: it
        only confirms the signature (petitions.services keeps its keyed hash)."""
        return {key: self.cleaned_data[key] for key in petition_fields.BY_KEY if key in self.fields}

    def updates_lists(self):
        """The lists the signer agreed to be on: ORGANISERS, the partner's code."""
        lists = [ORGANISERS] if self.cleaned_data["updates"] else []
        if self.cleaned_data.get("partner_updates"):
            lists.append(self.partner.code)
        return lists
