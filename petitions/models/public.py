"""What a signer chose to publish: the name, and the comment, shown on the petition's page
once the signature is confirmed and a moderator has approved them.

The server cannot read a signature (it is encrypted to the organisers' key), so what may be
published is kept apart, in plaintext, and only when the signer ticked "show my name publicly":
that tick is the signer's consent to publication, as the form says. It goes with its signature
(removed, or destroyed unconfirmed).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .records import Petition, Signature


class PublicSignature(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for moderation")
        APPROVED = "approved", _("Approved: shown on the page")
        REJECTED = "rejected", _("Rejected: not shown")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    signature = models.OneToOneField(Signature, on_delete=models.CASCADE, related_name="public")
    name = models.CharField(max_length=201, verbose_name=_("name"))
    comment = models.TextField(blank=True, verbose_name=_("A short comment"))
    status = models.CharField(
        max_length=10, choices=Status, default=Status.WAITING, verbose_name=_("status")
    )

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("public name and comment")
        verbose_name_plural = _("public names and comments")
        indexes = [models.Index(fields=["petition", "status"])]

    def __str__(self):
        # Never the name: Wagtail logs each moderation under this label and its messages name
        # it, and neither goes with the signature when it is removed.
        return f"{self._meta.verbose_name} {self.pk}"


def published(petition):
    """The names and comments the page shows: approved, of confirmed signatures, newest first."""
    return PublicSignature.objects.filter(
        petition=petition,
        status=PublicSignature.Status.APPROVED,
        signature__confirmed_on__isnull=False,
    ).order_by("-signature__confirmed_on", "-pk")
