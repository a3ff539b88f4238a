"""The petition journey of `make bench` (bench/run.py): the demo petition's page, its form, the
signatures (POST) and their confirmations (the POST of each mailed link), each through the
real path. The site's mail goes to files (Django's file backend) from which the links are read,
as a signer would read them in their inbox."""

import re
import time
from pathlib import Path

import psycopg

PETITION = "/en/petitions/safe-cycling-to-every-school/"
SIGN_PETITION = PETITION + "sign/"
LINK = re.compile(r"https?://[^/\s]+(/\S+/confirm/[A-Za-z0-9_-]{43}/)")


def mail_settings(workdir):
    """The environment that makes the served site write its mail into workdir/mail."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
    }


def prepare_signatures(workdir, forms, answers):
    """The wrk data file of the signatures: one prepared form and a unique address each."""
    data = workdir / "petition-forms.txt"
    data.write_text(
        "".join(
            f"{cookie}|{token}|{key}|{answers[key]}|{number}\n"
            for number, (cookie, token, key) in enumerate(forms)
        )
    )
    return data


def prepare_confirmations(workdir, expected, seconds=120):
    """The wrk data file of the confirmation links mailed for `expected` signatures: the outbox
    sends each after its request's commit, in a thread of its own; waited for up to `seconds`."""
    folder, paths = workdir / "mail", []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        paths = [
            match
            for file in (folder.iterdir() if folder.exists() else ())
            for match in LINK.findall(Path(file).read_text(errors="replace"))
        ]
        if len(paths) >= expected:
            break
        time.sleep(0.5)
    data = workdir / "petition-links.txt"
    data.write_text("".join(f"{path}\n" for path in paths))
    return data, len(paths)


def signatures(database):
    """(stored, confirmed) signatures of the demo petition, in one snapshot."""
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{database}") as db:
        return db.execute(
            "SELECT count(*), count(confirmed_on) FROM petitions_signature"
        ).fetchone()
