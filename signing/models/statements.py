"""The stored statements of support, and the counts of those destroyed."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import CountOfStatements, one_row_per_part

from .. import identity


class Statement(models.Model):
    """One statement of support: its personal data exists here only as ciphertext."""

    class Channel(models.TextChoices):
        ONLINE = "online"
        # Keyed in by the organisers from a signed paper form; paper forms enter the public
        # counts as the batches the organisers record, so these are never counted again.
        PAPER = "paper"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.PROTECT, related_name="statements"
    )
    country = models.CharField(max_length=2)
    submitted_on = models.DateField()
    language = models.CharField(max_length=10)
    page_revision_id = models.PositiveIntegerField(null=True)
    annex_revision = models.CharField(max_length=20)
    key_fingerprint = models.CharField(max_length=64)
    suite = models.CharField(max_length=80)
    ciphertext = models.BinaryField()
    dedupe_hash = models.CharField(max_length=64)
    # The code of the partner whose widget, form or link the signer came through (validated
    # against the initiative's partners; empty for none). An organisation's code, nothing personal.
    partner = models.CharField(max_length=40, blank=True, default="")
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.ONLINE)
    # Which normalisation made the identity that dedupe_hash hashes (signing.identity):
    # statements of an earlier one are matched by theirs, until none is left.
    # Rows written without this field (before it, or by a process not yet updated) are revision 1.
    identity_revision = models.PositiveSmallIntegerField(
        default=identity.REVISION, db_default=identity.FIRST_REVISION
    )

    class Meta:
        verbose_name = _("statement of support")
        verbose_name_plural = _("statements of support")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "dedupe_hash"], name="one_statement_per_person"
            )
        ]
        indexes = [
            models.Index(fields=["initiative", "country"]),
            models.Index(fields=["initiative", "submitted_on"]),
        ]

    def __str__(self):
        return str(self.id)


class DestroyedStatements(CountOfStatements):
    """How many statements were destroyed, per initiative, country and day of signing.

    Destroying statements must not make the initiative's history disappear: the counters keep
    the totals, and these rows keep the days for the dashboard's chart and the reconciliation.
    """

    submitted_on = models.DateField()

    class Meta:
        verbose_name = _("destroyed statements")
        verbose_name_plural = _("destroyed statements")
        constraints = one_row_per_part("submitted_on", "one_destroyed_count_per_day")


class FlaggedPaperForms(CountOfStatements):
    """How many keyed-in paper forms were flagged as duplicates (and not stored), per day.

    A count only: which form it was stays on paper, with the organiser who keyed it in.
    """

    keyed_on = models.DateField()

    class Meta:
        verbose_name = _("flagged paper forms")
        verbose_name_plural = _("flagged paper forms")
        constraints = one_row_per_part("keyed_on", "one_flagged_count_per_day")
