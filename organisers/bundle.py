"""The export bundle of an initiative: its encrypted statements in one file (core.bundle).

An administrator downloads it from the collection dashboard; the organisers export it offline
with `manage.py export_statements --bundle`. It holds ciphertexts and what the national
authorities' files need besides them, never plaintext. Its lines:

    {"format": "eci-statement-bundle", "version": 2, "created": "<ISO 8601 time>",
     "initiative": {<organisers.records.initiative_record>}, "statements": <count>}
    {"id": "<uuid>", "country": "bg", "submitted_on": "2026-05-04", "annex_revision": "1",
     "key_fingerprint": "<hex>", "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per statement ...
    {"address": "<uuid>", "added_on": "2026-05-04", "key_fingerprint": "<hex>",
     "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per supporter's address for the organisers' updates (version 2) ...
    {"end": true, "statements": <count>, "addresses": <count>}
"""

from core import bundle

STATEMENT_BUNDLE = bundle.BundleFormat(
    name="eci-statement-bundle",
    version=2,  # 2 added the addresses; a bundle of version 1 still reads (it has none)
    readable_versions=(1, 2),
    what="an initiative's export bundle",
    record="initiative",
    items=bundle.Section(
        "statements", ("id", "country", "submitted_on", "annex_revision", "key_fingerprint")
    ),
    extras=bundle.Section("addresses", ("address", "added_on", "key_fingerprint")),
)


def bundle_lines(record, count, statements, addresses=()):
    """The bundle, line by line: `statements` as organisers.records.stored_statements yields
    them, `addresses` as organisers.records.mailing_list does."""
    return bundle.bundle_lines(STATEMENT_BUNDLE, record, count, statements, addresses)


def read_bundle(lines):
    """(initiative record, statement count, statements); afterwards, `statements.extras()`
    yields the addresses (core.bundle.read_bundle)."""
    return bundle.read_bundle(STATEMENT_BUNDLE, lines)
