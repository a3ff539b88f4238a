"""Storing a statement: encrypt, check for a duplicate, store and count, in one transaction."""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from . import counters, crypto
from .models import Statement
from .rules import ANNEX_REVISION


class AlreadySigned(Exception):
    """This person has already supported this initiative."""


class NoPublicKey(Exception):
    """The initiative has no public key: a statement is never stored unencrypted."""


def dedupe_hash(initiative, identity):
    """HMAC-SHA256 of the normalised identity under a per-initiative key.

    The key is derived from the server secret and the initiative, so the same person gives
    unrelated hashes for two initiatives, and nobody without the secret can test a guess.
    """
    key = hmac.new(
        settings.SIGNING_DEDUPE_SECRET.encode(),
        f"initiative:{initiative.registration_number}".encode(),
        hashlib.sha256,
    ).digest()
    return hmac.new(key, identity.encode(), hashlib.sha256).hexdigest()


@sensitive_variables("data", "identity", "plaintext")
def record_statement(*, initiative, country, data, identity, language, page_revision_id):
    """Encrypt and store one statement and count it; raise AlreadySigned for a duplicate."""
    if not initiative.public_key:
        raise NoPublicKey
    plaintext = json.dumps(
        {"annex_revision": ANNEX_REVISION, **data}, ensure_ascii=False, separators=(",", ":")
    ).encode()
    ciphertext = crypto.encrypt(
        crypto.load_public_key(initiative.public_key),
        plaintext,
        crypto.context(initiative.registration_number, country, ANNEX_REVISION),
    )
    statement = Statement(
        initiative=initiative,
        country=country,
        submitted_on=timezone.localdate(),
        language=language,
        page_revision_id=page_revision_id,
        annex_revision=ANNEX_REVISION,
        key_fingerprint=initiative.key_fingerprint,
        suite=crypto.SUITE_NAME,
        ciphertext=ciphertext,
        dedupe_hash=dedupe_hash(initiative, identity),
    )
    try:
        with transaction.atomic():
            statement.save(force_insert=True)
            counters.increment(initiative.pk, country)
    except IntegrityError:
        if Statement.objects.filter(
            initiative=initiative, dedupe_hash=statement.dedupe_hash
        ).exists():
            raise AlreadySigned from None
        raise
    return statement
