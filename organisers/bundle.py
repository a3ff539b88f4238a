"""The export bundle: an initiative's encrypted statements in one file, useless without the key.

An administrator downloads it from the collection dashboard; the organisers export it offline
with `manage.py export_statements --bundle`. It holds ciphertexts and what the national
authorities' files need besides them, never plaintext. Format (UTF-8, one JSON object a line):

    {"format": "eci-statement-bundle", "version": 1, "created": "<ISO 8601 time>",
     "initiative": {<organisers.records.initiative_record>}, "statements": <count>}
    {"id": "<uuid>", "country": "bg", "submitted_on": "2026-05-04", "annex_revision": "1",
     "key_fingerprint": "<hex>", "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per statement ...
    {"end": true, "statements": <count>}

The closing line makes a truncated download detectable: without it, the bundle is refused.
"""

import base64
import binascii
import json

from django.utils import timezone

FORMAT = "eci-statement-bundle"
VERSION = 1


class DamagedBundle(ValueError):
    """The bundle cannot be read; the message says why, for a person to read."""


def bundle_lines(record, count, statements):
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
    yield _line({"end": True, "statements": written})


def read_bundle(lines):
    """(initiative record, statement count, iterator of statements) from the bundle's lines.

    The iterator yields the same tuples as organisers.records.stored_statements and raises
    DamagedBundle on a malformed line or a missing closing line.
    """
    lines = iter(lines)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise DamagedBundle("This file is empty or not an export bundle.") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DamagedBundle("This file is not an export bundle.")
    if header.get("version") != VERSION:
        raise DamagedBundle(f"This bundle has version {header.get('version')}; expected {VERSION}.")
    return header["initiative"], header.get("statements"), _statements(lines)


def _statements(lines):
    for number, line in enumerate(lines, start=2):
        try:
            item = json.loads(line)
            if item.get("end"):
                return
            yield (
                item["id"],
                item["country"],
                item["submitted_on"],
                item["annex_revision"],
                item["key_fingerprint"],
                base64.b64decode(item["ciphertext"], validate=True),
            )
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
            raise DamagedBundle(f"Line {number} of the bundle is damaged.") from None
    raise DamagedBundle("The bundle ends early: it was not downloaded completely.")


def _line(item):
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
