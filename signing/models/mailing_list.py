"""Addresses of supporters who asked for the organisers' updates: ciphertexts only, unlinked.

Article 18 of Regulation 2019/788 lets signatories consent, separately from their statement, to
be informed by the organisers. An entry holds nothing that ties it to a statement: a random
identifier (not a sequence), the day only (not the time), no statement identifier, country or
language; it is added by a request of its own, from the receipt page, that does not carry the
statement's identifier. Only the organisers' private key opens the address; the server never
reads or sends to it. The order rows are stored in is undone every day
(signing.services.shuffle_mailing_list).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailingListEntry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.PROTECT, related_name="mailing_list"
    )
    added_on = models.DateField()
    key_fingerprint = models.CharField(max_length=64)
    ciphertext = models.BinaryField()

    class Meta:
        verbose_name = _("address for the organisers' updates")
        verbose_name_plural = _("addresses for the organisers' updates")

    def __str__(self):
        return str(self.id)


class UsedUpdatesToken(models.Model):
    """An opt-in token already used (signing.updates_token): the hash of its nonce, under a
    unique key, so that it stores one address at most; and the day, to drop it once it has
    expired. The nonce is random: nothing leads from this row to a statement or an address."""

    digest = models.CharField(max_length=64, primary_key=True)
    # Indexed: each opt-in drops the expired ones (signing.services.record_mailing_address).
    used_on = models.DateField(db_index=True)

    class Meta:
        verbose_name = _("used token for updates")
        verbose_name_plural = _("used tokens for updates")

    def __str__(self):
        return self.digest
