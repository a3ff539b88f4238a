"""The petition's record (one for every language) and its signatures."""

import uuid

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from core.crypto import UnusableKey, fingerprint
from initiatives.models.partners import AbstractPartner
from initiatives.paper_days import refuse_days_outside

from .. import fields as petition_fields

DEFAULT_FIELDS = ["given_names", "family_names", "country"]


def default_fields():
    return list(DEFAULT_FIELDS)


class PetitionAdminForm(WagtailAdminModelForm):
    """The fields a petition asks, chosen with check boxes from the fixed set."""

    fields = forms.MultipleChoiceField(
        choices=petition_fields.CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("what the petition asks of a signer"),
        help_text=_("The e-mail address is always asked: it confirms the signature."),
    )

    def clean(self):
        cleaned = super().clean()
        # Paper counts up to the closing day, never for a day still to come.
        refuse_days_outside(self.formsets["paper_batches"], end=cleaned.get("closes_on"))
        return cleaned


class Petition(RevisionMixin, ClusterableModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open for signatures")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Delivered to the addressee")

    # Binds each encrypted signature to its petition (core.crypto.petition_context).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(
        max_length=255,
        verbose_name=_("working name"),
        help_text=_("For the admin only; the public title is the page title in each language."),
    )
    addressee = models.CharField(max_length=255, verbose_name=_("addressed to"))
    target = models.PositiveIntegerField(verbose_name=_("target number of signatures"))
    closes_on = models.DateField(null=True, blank=True, verbose_name=_("closes on"))
    status = models.CharField(
        max_length=20, choices=Status, default=Status.OPEN, verbose_name=_("status")
    )
    fields = models.JSONField(default=default_fields, verbose_name=_("what is asked"))
    public_key = models.TextField(
        verbose_name=_("organisers' public key"),
        help_text=_(
            "Paste the public key that `manage.py generate_signing_key` prints when the "
            "organisers run it on their own computer. Signatures are encrypted to it; it can be "
            "replaced only before the first signature."
        ),
    )
    key_fingerprint = models.CharField(max_length=64, editable=False)
    unconfirmed_days = models.PositiveSmallIntegerField(
        default=7,
        verbose_name=_("days to confirm a signature"),
        help_text=_("A signature nobody confirmed within this many days is destroyed."),
    )
    delivered_on = models.DateField(null=True, blank=True, verbose_name=_("delivered on"))
    delivery_record = models.TextField(
        blank=True,
        verbose_name=_("what was delivered"),
        help_text=_("To whom, how, and which files (the figures and their date)."),
    )
    # Who may reach this petition's signatures in the admin (core.access): the users of this
    # group, made with the petition (Settings → Groups), and superusers.
    organisers_group = models.OneToOneField(
        "auth.Group",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organised_petition",
        verbose_name=_("organisers' group"),
    )

    base_form_class = PetitionAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("addressee"),
        FieldRowPanel([FieldPanel("target"), FieldPanel("closes_on"), FieldPanel("status")]),
        FieldPanel("fields"),
        FieldPanel("unconfirmed_days"),
        MultiFieldPanel(
            [FieldPanel("public_key"), FieldPanel("key_fingerprint", read_only=True)],
            heading=_("Encryption of signatures"),
        ),
        MultiFieldPanel(
            [InlinePanel("partners", label=_("Partners"))], heading=_("Partners and embedding")
        ),
        InlinePanel("paper_batches", label=_("Batches of paper signatures")),
        MultiFieldPanel(
            [FieldPanel("delivered_on"), FieldPanel("delivery_record")],
            heading=_("Delivery"),
        ),
    ]

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-pk"]

    # Its revisions go with it when it is deleted (Wagtail's RevisionMixin documentation).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="petition")

    def __str__(self):
        return self.name

    def organisers_group_name(self):
        """The name of the group of its organisers (core.access): the working name, for the
        administrator who fills it, and the id, since two petitions may share a working name
        (the same group would give each one's organisers the other's signatures); cut to fit
        the group's 150 characters."""
        suffix = f" ({self.pk})"
        return f"Organisers of petition {self.name}"[: 150 - len(suffix)] + suffix

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        unknown = set(self.fields or []) - set(petition_fields.BY_KEY)
        if unknown:
            raise ValidationError({"fields": _("Choose among the fields offered.")})
        if self.status == self.Status.DELIVERED and not self.delivered_on:
            raise ValidationError({"delivered_on": _("Give the day it was delivered.")})
        try:
            new_fingerprint = fingerprint(self.public_key)
        except UnusableKey as error:
            raise ValidationError({"public_key": str(error)}) from None
        if self.pk and new_fingerprint != self.key_fingerprint and self.signatures.exists():
            raise ValidationError(
                {
                    "public_key": _(
                        "Signatures have already been encrypted to the current key: keep it, or "
                        "the organisers could no longer export them together."
                    )
                }
            )

    def save(self, *args, **kwargs):
        self.key_fingerprint = fingerprint(self.public_key)
        super().save(*args, **kwargs)

    def is_open_on(self, today):
        return self.status == self.Status.OPEN and (
            self.closes_on is None or today <= self.closes_on
        )


class PetitionPartner(AbstractPartner):
    """An organisation campaigning for the petition: the signatures it brought are counted for
    it, and its site may frame the signing form (petitions.partners)."""

    petition = ParentalKey(Petition, on_delete=models.CASCADE, related_name="partners")
    code = models.SlugField(
        max_length=40,
        verbose_name=_("partner code"),
        help_text=_(
            "Stored with the signatures given through this partner's links. Do not change it "
            "once signatures carry it."
        ),
    )

    class Meta(AbstractPartner.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "code"], name="one_petition_partner_per_code"
            )
        ]


class PaperBatch(Orderable):
    """Signatures collected on paper, counted by the organisers: one batch per day collected
    (and country of residence, if the petition counts per country). They add to the count, per
    day and country; with no address, they cannot be checked against the online signatures
    for duplicates, and they are counted for no partner."""

    petition = ParentalKey(Petition, on_delete=models.CASCADE, related_name="paper_batches")
    collected_on = models.DateField(verbose_name=_("collected on"))
    country = models.CharField(
        max_length=2,
        blank=True,
        choices=petition_fields.residence_choices,
        verbose_name=_("country of residence"),
    )
    count = models.PositiveIntegerField(verbose_name=_("signatures"))

    panels = [
        FieldRowPanel([FieldPanel("collected_on"), FieldPanel("country"), FieldPanel("count")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("batch of paper signatures")
        verbose_name_plural = _("batches of paper signatures")


class Signature(models.Model):
    """One signer's signature, encrypted to the organisers' key.

    Stored at once, counted only once confirmed (`confirmed_on`), destroyed when its signer
    removes it or when nobody confirmed it in time. The server keeps no address: only its keyed
    hash (`address_hash`), and hashes of the two single-use links mailed to it.
    """

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    address_hash = models.CharField(max_length=64)
    ciphertext = models.BinaryField()
    # The counted value of the form (the country of residence, when asked); "" otherwise.
    country = models.CharField(max_length=2, blank=True)
    # The code of the partner whose link or frame the signer came through (one of the
    # petition's partners when signed; "" for none): an organisation's code, nothing personal.
    partner = models.CharField(max_length=40, blank=True, default="")
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_on = models.DateField(null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, unique=True)
    remove_token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "address_hash"], name="one_signature_per_address"
            )
        ]
        indexes = [models.Index(fields=["petition", "confirmed_on"])]

    def __str__(self):
        state = f"confirmed {self.confirmed_on}" if self.confirmed_on else "not confirmed"
        return f"signature {self.pk} of petition {self.petition_id} ({state})"


class UpdatesAddress(models.Model):
    """The address of a signer who agreed to hear from the petition's organisers (`partner`
    "") or from one of its partners (that partner's code), encrypted to the organisers' key
    (core.crypto.petition_updates_context); the organisers pass a partner's list on to it.

    Written when the signature is sent, tied to it until it is confirmed: it goes with a
    signature removed or destroyed unconfirmed, so nobody can put another's address on a list.
    Confirmation unties it (`signature` None) and gives it the day only; the day's rows are
    rewritten in a random order the next night (services.shuffle_updates_addresses), after
    which nothing leads from the list to a signature. Removing the signature leaves the
    address listed (the signer asks the organisers, as the form says)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="updates")
    signature = models.ForeignKey(
        Signature, on_delete=models.CASCADE, null=True, related_name="pending_updates"
    )
    partner = models.CharField(max_length=40, blank=True)
    added_on = models.DateField(null=True)
    ciphertext = models.BinaryField()

    class Meta:
        verbose_name = _("address for the organisers' updates")
        verbose_name_plural = _("addresses for the organisers' updates")

    def __str__(self):
        return str(self.id)
