"""The export bundle of a petition: its confirmed signatures, encrypted, in one file
(core.bundle), and what the offline export needs besides them; never plaintext.

An organiser downloads it from the petition's dashboard (organisers.petition_views); they export
it on their own computer with `manage.py export_petition_signatures --bundle`. Its lines:

    {"format": "eci-petition-bundle", "version": 1, "created": "<ISO 8601 time>",
     "petition": {<petition_record>}, "signatures": <count>}
    {"confirmed_on": "2026-05-04", "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per confirmed signature ...
    {"updates_list": "" (the organisers') or "<partner code>", "ciphertext": "<base64>"}
    ... one line per confirmed signer's address for updates ...
    {"end": true, "signatures": <count>, "updates": <count>}

The export with `--petition` reads the same from the database (the functions below), so both
write the same files.
"""

from core import bundle
from core.crypto import SUITE_NAME

from .models import Signature, UpdatesAddress

PETITION_BUNDLE = bundle.BundleFormat(
    name="eci-petition-bundle",
    version=1,
    readable_versions=(1,),
    what="a petition's export bundle",
    record="petition",
    items=bundle.Section("signatures", ("confirmed_on",)),
    extras=bundle.Section("updates", ("updates_list",)),
)


def petition_record(petition):
    """What the export needs of the petition (its uid opens the ciphertexts, its fields are the
    columns), and what the organisers read of it in the bundle."""
    return {
        "uid": str(petition.uid),
        "name": petition.name,
        "addressee": petition.addressee,
        "target": petition.target,
        "closes_on": petition.closes_on.isoformat() if petition.closes_on else "",
        "status": petition.status,
        "fields": list(petition.fields),
        "key_fingerprint": petition.key_fingerprint,
        "suite": SUITE_NAME,
    }


def confirmed_signatures(petition, chunk_size=2000):
    """Every confirmed signature as (day confirmed, ciphertext); unconfirmed ones are not
    signatures yet. Streams: memory stays bounded at any count."""
    rows = (
        Signature.objects.filter(petition=petition, confirmed_on__isnull=False)
        .order_by("pk")
        .values_list("confirmed_on", "ciphertext")
    )
    for day, ciphertext in rows.iterator(chunk_size=chunk_size):
        yield day.isoformat(), bytes(ciphertext)


def joined_updates(petition, chunk_size=2000):
    """Every address for updates of a confirmed signer as (list, ciphertext): "" the
    organisers' list, else a partner's code. In the order of their random identifiers: nothing
    in it tells when one was added."""
    rows = (
        UpdatesAddress.objects.filter(petition=petition, signature=None)
        .order_by("id")
        .values_list("partner", "ciphertext")
    )
    for updates_list, ciphertext in rows.iterator(chunk_size=chunk_size):
        yield updates_list, bytes(ciphertext)


def petition_bundle(petition):
    """The bundle's lines (bytes), and the counts it holds (for the audit log)."""
    counts = {
        "total": Signature.objects.filter(petition=petition, confirmed_on__isnull=False).count(),
        "updates": UpdatesAddress.objects.filter(petition=petition, signature=None).count(),
    }
    lines = bundle.bundle_lines(
        PETITION_BUNDLE, petition_record(petition), counts["total"],
        confirmed_signatures(petition), joined_updates(petition),
    )  # fmt: skip
    return lines, counts
