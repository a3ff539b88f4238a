"""Export bundles: a collection's ciphertexts in one file, useless without the organisers' key.

An organiser downloads one from the collection dashboard and exports it offline, on their own
computer. Each kind of bundle (an initiative's statements: organisers/bundle.py; a petition's
signatures: petitions/bundle.py) is a `BundleFormat`; the lines are the same for all (UTF-8,
one JSON object a line):

    {"format": <name>, "version": <n>, "created": "<ISO 8601 time>",
     <record>: {<what the export needs to know of the initiative or petition>},
     <items>: <count>}
    {<item's field>: ..., "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per item ...
    {<extra's first field>: ..., ..., "ciphertext": "<base64 HPKE ciphertext>"}
    ... one line per extra (the addresses for updates) ...
    {"end": true, <items>: <count>, <extras>: <count>}

The closing line makes a truncated download detectable: without it, the bundle is refused.
"""

import base64
import binascii
import itertools
import json
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Section:
    name: str  # its count's key in the header and the closing line: "statements"
    fields: tuple  # each line's fields before its ciphertext; an extra's first one marks it


@dataclass(frozen=True)
class BundleFormat:
    name: str
    version: int
    readable_versions: tuple
    what: str  # for a person told it is not one: "an initiative's export bundle"
    record: str  # the header's key of the record: "initiative"
    items: Section
    extras: Section


class DamagedBundle(ValueError):
    """The bundle cannot be read; the message says why, for a person to read."""


ENDS_EARLY = "The bundle ends early: it was not downloaded completely."


def bundle_lines(kind, record, count, items, extras=()):
    """The bundle, line by line (bytes), for a streaming response. `items` and `extras` are
    tuples of their section's fields, then the ciphertext (bytes)."""
    header = {
        "format": kind.name,
        "version": kind.version,
        "created": timezone.now().isoformat(timespec="seconds"),
        kind.record: record,
        kind.items.name: count,
    }
    yield _line(header)
    written = {}
    for section, rows in ((kind.items, items), (kind.extras, extras)):
        written[section.name] = 0
        for *values, ciphertext in rows:
            written[section.name] += 1
            yield _line(
                {
                    **dict(zip(section.fields, values, strict=True)),
                    "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
                }
            )
    yield _line({"end": True, **written})


def read_bundle(kind, lines):
    """(record, item count, body) from the bundle's lines.

    Iterating `body` yields the items as `bundle_lines` took them; afterwards, `body.extras()`
    yields the extras. Both raise DamagedBundle on a malformed line or a missing closing line.
    """
    lines = iter(lines)
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise DamagedBundle(f"This file is empty or not {kind.what}.") from None
    if not isinstance(header, dict) or header.get("format") != kind.name:
        raise DamagedBundle(f"This file is not {kind.what}.")
    if header.get("version") not in kind.readable_versions:
        raise DamagedBundle(
            f"This bundle has version {header.get('version')}; expected {kind.version}."
        )
    return header[kind.record], header.get(kind.items.name), BundleBody(kind, lines)


class BundleBody:
    """The items, then the extras, read from one pass over the bundle's lines."""

    def __init__(self, kind, lines):
        self._kind = kind
        self._lines = (self._parse(number, line) for number, line in enumerate(lines, start=2))
        self._first_extra = []
        self._ended = False

    def __iter__(self):
        marker = self._kind.extras.fields[0]
        for number, item in self._lines:
            if marker in item:
                self._first_extra = [(number, item)]
                return
            if item.get("end"):
                self._ended = True
                return
            yield self._read(number, item, self._kind.items.fields)
        raise DamagedBundle(ENDS_EARLY)

    def extras(self):
        if self._ended:
            return
        for number, item in itertools.chain(self._first_extra, self._lines):
            if item.get("end"):
                return
            yield self._read(number, item, self._kind.extras.fields)
        raise DamagedBundle(ENDS_EARLY)

    @staticmethod
    def _parse(number, line):
        try:
            item = json.loads(line)
        except ValueError:
            # Every line is written whole, with its newline: a last one cut short is a download
            # cut short.
            if isinstance(line, bytes) and not line.endswith(b"\n"):
                raise DamagedBundle(ENDS_EARLY) from None
            raise DamagedBundle(f"Line {number} of the bundle is damaged.") from None
        if not isinstance(item, dict):
            raise DamagedBundle(f"Line {number} of the bundle is damaged.")
        return number, item

    @staticmethod
    def _read(number, item, names):
        try:
            return (
                *(item[name] for name in names),
                base64.b64decode(item["ciphertext"], validate=True),
            )
        except (KeyError, TypeError, binascii.Error):
            raise DamagedBundle(f"Line {number} of the bundle is damaged.") from None


def _line(item):
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
