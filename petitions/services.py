"""Signing a petition: stored encrypted at once, counted once its signer opens the mailed link.

`sign` stores the signature and queues the mail to its address in one transaction (outbox): the
request never waits on SMTP. The page's answer is the same whether or not the address had signed
before; only the mail, which reaches only the owner of the address, tells which: "confirm" with a
new link for a signature not yet confirmed (the newest details replace the unconfirmed ones),
"you have already signed" for a confirmed one. Both carry a link that removes the signature.

What the server keeps of a signer: the details the petition asks, encrypted to the organisers'
key (HPKE, bound to the petition); the keyed hash of the normalised address (one signature per
address); hashes of the two links; the counted values (country of residence, when asked; the
partner's code) and the day of confirmation. The address itself is in no signature and in the
export of none: it exists in plaintext only in the queued mail, until that is sent (outbox), and,
if the signer agreed to hear from the organisers or a partner, encrypted to the organisers' key
on those lists (UpdatesAddress), which join the lists only once the signature is confirmed.
"""

import datetime
import hashlib
import json
import secrets

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.debug import sensitive_variables

from core import crypto
from outbox.sending import queue
from signing.services import keyed_hash, rewrite_days_shuffled

from .fields import normalised_address
from .models.public import PublicSignature
from .models.records import Petition, Signature, UpdatesAddress

SIGNATURE_FORMAT = 1


def token_hash(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def new_token():
    """A single-use link's secret: 256 random bits, 43 URL-safe characters."""
    return secrets.token_urlsafe(32)


@sensitive_variables("address")
def address_hash(petition, address):
    return keyed_hash(f"petition:{petition.uid}", normalised_address(address))


@sensitive_variables("data", "plaintext")
def sealed(petition, data):
    """The signature's details (the chosen fields and the address), encrypted to the petition."""
    plaintext = json.dumps(
        {"format": SIGNATURE_FORMAT, **data}, ensure_ascii=False, separators=(",", ":")
    ).encode()
    return crypto.encrypt(
        crypto.load_public_key(petition.public_key),
        plaintext,
        crypto.petition_context(petition.uid),
    )


@sensitive_variables("address")
def updates_addresses(petition, address, audiences):
    """The address for each list the signer agreed to be on (`audiences`: "" for the
    organisers, a partner's code), each encrypted to the organisers' key for that list."""
    public_key = crypto.load_public_key(petition.public_key)
    return [
        UpdatesAddress(
            petition=petition,
            partner=audience,
            ciphertext=crypto.encrypt(
                public_key,
                address.encode(),
                crypto.petition_updates_context(petition.uid, audience),
            ),
        )
        for audience in audiences
    ]


@sensitive_variables()  # every local: the data, and the name made from it
def publish(signature, data, replacing):
    """Keep the name and comment for the page, to be moderated, if the signer allowed it (the
    tick is their consent to publication); else keep nothing of them outside the ciphertext.
    `replacing`: the signature had details before, whose choice this one replaces."""
    name = " ".join(filter(None, [data.get("given_names"), data.get("family_names")]))
    if not (data.get("show_name") and name):
        if replacing:
            PublicSignature.objects.filter(signature=signature).delete()
        return
    shown = {
        "petition_id": signature.petition_id,
        "name": name,
        "comment": data.get("comment", ""),
        "status": PublicSignature.Status.WAITING,
    }
    if replacing:
        PublicSignature.objects.update_or_create(signature=signature, defaults=shown)
    else:
        PublicSignature.objects.create(signature=signature, **shown)


@sensitive_variables()  # every local: the signature's fields
def stored_if_new(**fields):
    """The new signature, or None when its address was stored at this very moment by another
    request (the unique constraint says so; the caller looked it up first)."""
    try:
        with transaction.atomic():
            return Signature.objects.create(**fields)
    except IntegrityError:
        return None


@sensitive_variables()  # every local: the data, the address, the tokens
def sign(page, data, address, language, partner="", updates=()):
    """Store (or renew the links of) the signature of `address` and mail them to it. `partner`
    is the code of the petition's partner the signer came through (already checked), or "";
    `updates`, the lists the signer agreed to be on once confirmed ("" for the organisers', a
    partner's code for that partner's)."""
    petition = page.petition
    digest = address_hash(petition, address)
    # Sealed whatever the address did before: the answer takes as long either way.
    ciphertext = sealed(petition, data)
    details = {"ciphertext": ciphertext, "country": data.get("country", ""), "partner": partner,
               "language": language}  # fmt: skip
    confirm, remove = new_token(), new_token()
    links = {"confirm_token_hash": token_hash(confirm), "remove_token_hash": token_hash(remove)}
    with transaction.atomic():
        # Looked up first: a repeated address inserted blindly would fail on the constraint, and
        # PostgreSQL would log the failed statement with its values.
        found = (
            Signature.objects.select_for_update()
            .filter(petition=petition, address_hash=digest)
            .first()
        )
        signature = found or stored_if_new(
            petition=petition, address_hash=digest, **details, **links
        )
        created = found is None and signature is not None
        if signature is None:  # the same address, stored at this very moment: one counts
            signature = Signature.objects.select_for_update().get(
                petition=petition, address_hash=digest
            )
        if not created:
            # The links mailed before stop working; the unconfirmed details are the newest.
            changes = links if signature.confirmed_on else {**details, **links}
            for name, value in changes.items():
                setattr(signature, name, value)
            signature.save(update_fields=list(changes))
        if signature.confirmed_on is None:  # the newest choices replace the first
            publish(signature, data, replacing=not created)
            if not created:
                signature.pending_updates.all().delete()
            pending = updates_addresses(petition, address, updates)
            for entry in pending:
                entry.signature = signature
            UpdatesAddress.objects.bulk_create(pending)
        mail(page, address, signature, confirm, remove, language)
    return signature


@sensitive_variables("address")
def mail(page, address, signature, confirm, remove, language):
    with translation.override(language):
        context = {
            "page": page,
            "already": signature.confirmed_on is not None,
            "confirm_url": link(page, "confirm", confirm),
            "remove_url": link(page, "remove", remove),
            "days": page.petition.unconfirmed_days,
        }
        subject = render_to_string("petitions/mail_subject.txt", context).strip()
        body = render_to_string("petitions/mail_body.txt", context)
    queue(subject, body, [address])


def link(page, route, token):
    # From the site's configured address (Wagtail's Site), never from the request's Host header.
    return page.full_url + page.reverse_subpage(route, args=(token,))


def signature_for(page, route, token):
    """The signature a link is for, or None (unknown, used, or of another petition)."""
    field = {"confirm": "confirm_token_hash", "remove": "remove_token_hash"}[route]
    return Signature.objects.filter(
        petition_id=page.petition_id, **{field: token_hash(token)}
    ).first()


def confirm(signature, today=None):
    """Count the signature from today; its link is used up (a new one replaces it on a resend);
    the addresses its signer gave for updates join their lists.
    Pages show the new figure when the page cache renews them (a "counts" page, core.page_cache):
    a confirmation purges nothing, so that a rush of them leaves the cache whole."""
    today = today or timezone.localdate()
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk, confirmed_on=None).update(
            confirmed_on=today, confirm_token_hash=token_hash(new_token())
        )
        # The addresses for updates join their lists, untied from the signature.
        UpdatesAddress.objects.filter(signature=signature.pk).update(signature=None, added_on=today)
    return bool(updated)


def shuffle_updates_addresses(before, since=None):
    """The addresses for updates joined their lists at their signatures' confirmation, in the
    same transaction: the order of arrival (and PostgreSQL's transaction ids) would pair each
    with its signature. Each petition's day is rewritten in a random order, in one transaction
    (signing.services.shuffle_mailing_list says how); the day itself is stored anyway."""
    confirmed = UpdatesAddress.objects.filter(signature__isnull=True)
    return rewrite_days_shuffled(confirmed, "petition_id", Petition, before, since)


def remove(signature):
    """Destroy the signature: it no longer counts, and nothing of it is kept."""
    deleted, _by_model = Signature.objects.filter(pk=signature.pk).delete()
    return bool(deleted)


def destroy_unconfirmed(now=None):
    """Destroy every signature nobody confirmed within its petition's days; return how many."""
    now = now or timezone.now()
    destroyed = 0
    for petition_id, days in (
        Signature.objects.filter(confirmed_on=None)
        .values_list("petition_id", "petition__unconfirmed_days")
        .distinct()
    ):
        _rows, per_model = Signature.objects.filter(
            petition_id=petition_id,
            confirmed_on=None,
            created_at__lt=now - datetime.timedelta(days=days),
        ).delete()  # with the addresses for updates they held
        destroyed += per_model.get(Signature._meta.label, 0)
    return destroyed
