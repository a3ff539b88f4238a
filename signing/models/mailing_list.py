"""Addresses of supporters who asked for the organisers' updates: ciphertexts only, unlinked.

Article 18 of Regulation 2019/788 lets signatories consent, separately from their statement, to
be informed by the organisers. An entry holds nothing that ties it to a statement: a random
identifier (not a sequence), the day only (not the time), no statement identifier, country or
language; it is added by a request of its own, from the receipt page, that does not carry the
statement's identifier. Only the organisers' private key opens the address; the server never
reads or sends to it.
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
