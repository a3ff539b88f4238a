"""Decrypt an initiative's statements with the organisers' private key and write the files.

Runs on the organisers' own computer. Statements come either from the database or from an
export bundle, as a stream: memory stays bounded however many there are. Nothing is skipped in
silence: a statement that does not decrypt, or whose content cannot go into an authority's file,
is reported by its identifier (never by its content) and makes the export fail.
"""

import csv
import json
import multiprocessing
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field

from core import crypto
from core.spreadsheet import text_cell
from signing.rules import DOCUMENTS_OWN_KEY, RULES

from .authority_xml import (
    GROUPS,
    IDENTIFICATION,
    AuthorityFiles,
    InvalidStatement,
    file_name,
    signatory_groups,
    signature_element,
    test_purpose,
)

DECRYPT_CHUNK = 256


@dataclass
class ExportResult:
    per_country: Counter = field(default_factory=Counter)
    paper_per_country: Counter = field(default_factory=Counter)  # keyed in, of per_country
    failures: list = field(default_factory=list)  # (identifier, country, reason)
    files: dict = field(default_factory=dict)  # file name (authority_xml.file_name): path
    invalid_files: dict = field(default_factory=dict)  # file name: first schema error
    addresses: int = 0
    address_failures: list = field(default_factory=list)  # identifiers

    @property
    def exported(self):
        return sum(self.per_country.values())

    @property
    def ok(self):
        return not self.failures and not self.invalid_files and not self.address_failures


class WrongKey(ValueError):
    pass


def export_statements(record, statements, private_key, directory, *, write_csv=False,
                      workers=1, progress=None):  # fmt: skip
    """Write one validated XML file per member state (and CSV files on request)."""
    key_fingerprint = crypto.fingerprint(private_key.public_key_text())
    if key_fingerprint != record["key_fingerprint"]:
        raise WrongKey(
            "This key file does not open these statements: they were encrypted to the key "
            f"with fingerprint {record['key_fingerprint']}, the key file holds "
            f"{key_fingerprint}."
        )
    result = ExportResult()
    test = test_purpose(record)
    decrypted = _decrypt_stream(statements, private_key, record["registration_number"], workers)
    with AuthorityFiles(directory, record) as files, ExitStack() as csv_files:
        csv_writers = {}
        for identifier, country, day, annex, key, plaintext in decrypted:
            if progress:
                progress.advance()
            try:
                if key != key_fingerprint:
                    raise InvalidStatement("was encrypted to another key")
                if plaintext is None:
                    raise InvalidStatement("does not decrypt: it was damaged or moved")
                data = _json(plaintext)
                groups = signatory_groups(data, country)
                paper = data.get("channel") == "paper"
                files.write(country, signature_element(identifier, day, annex, groups), paper)
            except InvalidStatement as problem:
                result.failures.append((identifier, country, str(problem)))
                continue
            result.per_country[country] += 1
            result.paper_per_country[country] += paper
            if write_csv:
                name = file_name(country, paper, bool(test))
                if name not in csv_writers:
                    csv_writers[name] = _open_csv(csv_files, directory, name, country, test)
                csv_writers[name].writerow(
                    [*csv_row(identifier, day, annex, groups), *([test] if test else [])]
                )
        result.files, result.invalid_files = files.finish()
    if progress:
        progress.finish()
    return result


def _json(plaintext):
    try:
        data = json.loads(plaintext)
    except ValueError:
        raise InvalidStatement("decrypts to something that is not a statement") from None
    if not isinstance(data, dict):
        raise InvalidStatement("decrypts to something that is not a statement")
    return data


def csv_headings(rule):
    """One heading per exported field of the member state (signing.rules), its name in the
    statement; a document takes two columns: which document, and its number."""
    headings = []
    for group in GROUPS:  # in the order of signatory_groups, which csv_row follows
        for item in rule.fields:
            if item.group != group or not item.export_key:
                continue
            if item.export_key == DOCUMENTS_OWN_KEY:
                headings += ["document", "document number"]
            else:
                headings.append(item.name.replace("_", " "))
    return headings


def csv_row(identifier, day, annex, groups):
    cells = [identifier, day, annex]
    for name, properties in groups:
        for key, value in properties:
            if name == IDENTIFICATION:
                cells.append(key.removeprefix("oct.property."))
            cells.append(text_cell(value))
    return cells


def _open_csv(stack, directory, name, country, test=""):
    """A CSV file's writer, its headings written; a test collection's rows end with its
    purpose, under the heading "test collection"."""
    path = directory / f"{name}.csv"
    handle = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
    writer = csv.writer(handle)
    writer.writerow(
        ["identifier", "submission date", "annex revision", *csv_headings(RULES[country]),
         *(["test collection"] if test else [])]
    )  # fmt: skip
    return writer


MAILING_LIST_FILE = "mailing-list.csv"


def export_mailing_list(record, addresses, private_key, directory, result):
    """Decrypt the supporters' addresses into mailing-list.csv, for the organisers' own mailing
    tool: identifier (to honour a removal request: `remove_from_mailing_list`), day, address.
    An address that does not decrypt is reported by its identifier and makes the export fail.
    Written even when empty, so that an empty list is seen to be empty."""
    info = crypto.mailing_list_context(record["registration_number"])
    with (directory / MAILING_LIST_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["identifier", "added on", "email"])
        for identifier, day, _key, ciphertext in addresses:
            try:
                address = crypto.decrypt(private_key, ciphertext, info).decode()
            except (crypto.DecryptionFailed, UnicodeDecodeError):
                result.address_failures.append(identifier)
                continue
            writer.writerow([identifier, day, text_cell(address)])
            result.addresses += 1


# --- Decryption, optionally in worker processes ----------------------------------------------

_worker_key = None


def _decrypt_one(item, private_key, registration_number):
    identifier, country, day, annex, key, ciphertext = item
    info = crypto.context(registration_number, country, annex)
    try:
        plaintext = crypto.decrypt(private_key, ciphertext, info)
    except crypto.DecryptionFailed:
        plaintext = None
    return identifier, country, day, annex, key, plaintext


def _start_worker(mlkem_seed, x25519_private, registration_number):
    global _worker_key
    _worker_key = (crypto.PrivateKey(mlkem_seed, x25519_private), registration_number)


def _decrypt_chunk(chunk):
    return [_decrypt_one(item, *_worker_key) for item in chunk]


def _chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _decrypt_stream(statements, private_key, registration_number, workers):
    """Decrypted statements in order; with workers > 1, decryption runs in that many processes
    while this one writes the files (the key is handed to them in memory, never written)."""
    if workers <= 1:
        for item in statements:
            yield _decrypt_one(item, private_key, registration_number)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(
        workers,
        initializer=_start_worker,
        initargs=(private_key.mlkem_seed, private_key.x25519_private, registration_number),
    ) as pool:
        for chunk in pool.imap(_decrypt_chunk, _chunks(statements, DECRYPT_CHUNK)):
            yield from chunk
