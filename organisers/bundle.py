"""The export bundle: an initiative's encrypted statements in one file, useless without the key.

An administrator downloads it from the collection dashboard; the organisers export it offline
with `manage.py export_statements --bundle`. It holds ciphertexts and what the national
authorities' files need besides them, never plaintext. Format (UTF-8, one JSON object a line):

    {"format": "eci-statement-bundle", "version": 1, "created": "<ISO 8601 time>",
     "initiative": {<organisers.records.initiative_record>}, "statements": <count>}
    {"id": "<uuid>", "country": "bg", "submitted_on": "2026-05-04", "annex_revision": "1",
     "key_fingerprint": "<hex>", "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per statement ...
    {"address": "<uuid>", "added_on": "2026-05-04", "key_fingerprint": "<hex>",
     "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per supporter's address for the organisers' updates (version 2) ...
    {"end": true, "statements": <count>, "addresses": <count>}

The closing line makes a truncated download detectable: without it, the bundle is refused.
"""

import base64
import binascii
import itertools
import json

from django.utils import timezone

FORMAT = "eci-statement-bundle"
VERSION = 2  # 2 added the addresses; a bundle of version 1 still reads (it has none)
READABLE_VERSIONS = (1, 2)


class DamagedBundle(ValueError):
    """The bundle cannot be read; the message says why, for a person to read."""


def bundle_lines(record, count, statements, addresses=()):
    """The bundle, line by line (bytes), for a streaming response."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "created": timezone.now().isoformat(timespec="seconds"),
        "initiative": record,
        "statements": count,
    }
    yield _line(header)
    written = 0
    for identifier, country, day, annex, key, ciphertext in statements:
        written += 1
        yield _line(
            {
                "id": identifier,
                "country": country,
                "submitted_on": day,
                "annex_revision": annex,
                "key_fingerprint": key,
                "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
            }
        )
    addresses_written = 0
    for identifier, day, key, ciphertext in addresses:
        addresses_written += 1
        yield _line(
            {
                "address": identifier,
                "added_on": day,
                "key_fingerprint": key,
                "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
            }
        )
    yield _line({"end": True, "statements": written, "addresses": addresses_written})


def read_bundle(lines):
    """(initiative record, statement count, statements) from the bundle's lines.

    Iterating `statements` yields the same tuples as organisers.records.stored_statements;
    afterwards, `statements.addresses()` yields those of organisers.records.mailing_list. Both
    raise DamagedBundle on a malformed line or a missing closing line.
    """
    lines = iter(lines)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise DamagedBundle("This file is empty or not an export bundle.") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DamagedBundle("This file is not an export bundle.")
    if header.get("version") not in READABLE_VERSIONS:
        raise DamagedBundle(f"This bundle has version {header.get('version')}; expected {VERSION}.")
    return header["initiative"], header.get("statements"), BundleBody(lines)


class BundleBody:
    """The statements, then the addresses, read from one pass over the bundle's lines."""

    def __init__(self, lines):
        self._items = (self._parse(number, line) for number, line in enumerate(lines, start=2))
        self._first_address = []
        self._ended = False

    def __iter__(self):
        for number, item in self._items:
            if "address" in item:
                self._first_address = [(number, item)]
                return
            if item.get("end"):
                self._ended = True
                return
            yield self._read(number, item, "id", "country", "submitted_on", "annex_revision")
        raise DamagedBundle(ENDS_EARLY)

    def addresses(self):
        if self._ended:
            return
        for number, item in itertools.chain(self._first_address, self._items):
            if item.get("end"):
                return
            yield self._read(number, item, "address", "added_on")
        raise DamagedBundle(ENDS_EARLY)

    @staticmethod
    def _parse(number, line):
        try:
            item = json.loads(line)
        except ValueError:
            raise DamagedBundle(f"Line {number} of the bundle is damaged.") from None
        if not isinstance(item, dict):
            raise DamagedBundle(f"Line {number} of the bundle is damaged.")
        return number, item

    @staticmethod
    def _read(number, item, *names):
        try:
            return (
                *(item[name] for name in names),
                item["key_fingerprint"],
                base64.b64decode(item["ciphertext"], validate=True),
            )
        except (KeyError, TypeError, binascii.Error):
            raise DamagedBundle(f"Line {number} of the bundle is damaged.") from None


ENDS_EARLY = "The bundle ends early: it was not downloaded completely."


def _line(item):
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
