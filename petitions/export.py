"""The organisers' offline export of a petition's confirmed signatures, for its addressee.

Decrypted on the organisers' computer with their private key (never on the server): one table
of every confirmed signature (CSV and XLSX, the columns of petitions.fields in their order), and
the names and comments their signers allowed to be shown publicly, as a file of their own; and
the addresses for updates, one file per list (`updates.csv`, the organisers'; `updates-<code>.csv`,
a partner's, for the organisers to pass on). Every file is readable by its owner only.
"""

import csv
import json
import os

from openpyxl import Workbook

from core import crypto
from core.spreadsheet import text_cell

from . import fields as petition_fields

PUBLIC_COLUMNS = ("given_names", "family_names", "comment")


class WrongKey(Exception):
    """The key does not open this petition's signatures."""


def decrypted(record, private_key, signatures):
    """Each signature's details, with the day it was confirmed. `record` and `signatures` are
    petitions.bundle's (petition_record; (day, ciphertext) pairs), from a bundle or the
    database alike."""
    info = crypto.petition_context(record["uid"])
    for confirmed_on, ciphertext in signatures:
        try:
            details = json.loads(crypto.decrypt(private_key, ciphertext, info))
        except crypto.DecryptionFailed:
            raise WrongKey from None
        yield {**details, "confirmed_on": confirmed_on}


def columns(record):
    chosen = [field.key for field in petition_fields.FIELDS if field.key in record["fields"]]
    return [*chosen, "confirmed_on"]


def owner_only(path):
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")


def write_export(record, rows, folder):
    """Write signatures.csv, signatures.xlsx and public.csv into `folder`; return their paths."""
    header = columns(record)
    rows = [[text_cell(str(row.get(column, ""))) for column in header] for row in rows]
    table, workbook_path = folder / "signatures.csv", folder / "signatures.xlsx"
    with owner_only(table) as file:
        csv.writer(file).writerows([header, *rows])
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("signatures")
    for row in [header, *rows]:
        sheet.append(row)
    owner_only(workbook_path).close()  # created with the owner's mode; openpyxl writes into it
    workbook.save(workbook_path)
    shown = [
        [row[header.index(column)] if column in header else "" for column in PUBLIC_COLUMNS]
        for row in rows
        if "show_name" in header and row[header.index("show_name")] == "True"
    ]
    public = folder / "public.csv"
    with owner_only(public) as file:
        csv.writer(file).writerows([list(PUBLIC_COLUMNS), *shown])
    return [table, workbook_path, public]


def updates_lists(record, private_key, entries):
    """{list ("" the organisers', else a partner's code): [address]} of the confirmed
    signers' addresses for updates, from (list, ciphertext) pairs (petitions.bundle)."""
    lists = {}
    for updates_list, ciphertext in entries:
        info = crypto.petition_updates_context(record["uid"], updates_list)
        try:
            address = crypto.decrypt(private_key, ciphertext, info).decode()
        except crypto.DecryptionFailed:
            raise WrongKey from None
        lists.setdefault(updates_list, []).append(address)
    return lists


def write_updates(lists, folder):
    """Write each list of addresses for updates into its file; return their paths."""
    paths = []
    for partner, addresses in sorted(lists.items()):
        path = folder / (f"updates-{partner}.csv" if partner else "updates.csv")
        with owner_only(path) as file:
            csv.writer(file).writerows([["email"], *([text_cell(a)] for a in addresses)])
        paths.append(path)
    return paths
