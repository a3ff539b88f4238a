"""The signing form of a petition: the fields its record chose (petitions.fields), the address,
the privacy notice and the CAPTCHA."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.captcha import SingleUseCaptchaField
from signing.forms import OwnMessagesForm

from . import fields as petition_fields


class SignatureForm(OwnMessagesForm):
    def __init__(self, petition, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        self.fields["captcha"] = SingleUseCaptchaField(
            label=_("Type the characters you see in the picture"),
            help_text=_("This shows us that a person, not a program, is signing."),
            error_messages={
                "invalid": _("The characters do not match the picture. Try the new picture."),
                "required": _("Type the characters you see in the picture."),
            },
        )

    def signature_data(self):
        """What is encrypted: the chosen fields, as typed. The address is not among them: it
        only confirms the signature (petitions.services keeps its keyed hash)."""
        return {key: self.cleaned_data[key] for key in petition_fields.BY_KEY if key in self.fields}
