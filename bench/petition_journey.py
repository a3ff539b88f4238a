"""The petition journey of `make bench` (bench/run.py): the demo petition's page, its form, the
signatures (POST) and their confirmations (the POST of each mailed link), each through the
real path. The site's mail goes by SMTP to a real SMTP server in this process (aiosmtpd, as in
the mail tests), from whose inbox the links are read, as a signer would read them."""

import re
import time

import psycopg

PETITION = "/en/petitions/safe-cycling-to-every-school/"
SIGN_PETITION = PETITION + "sign/"
LINK = re.compile(r"https?://[^/\s]+(/\S+/confirm/[A-Za-z0-9_-]{43}/)")


def mail_settings(smtp):
    """The environment that sends the served site's mail to `smtp` (a running tests.mail
    SMTPServer)."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp.host,
        "EMAIL_PORT": str(smtp.port),
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


def prepare_confirmations(workdir, inbox, expected, seconds=120):
    """The wrk data file of the confirmation links mailed for `expected` signatures: the outbox
    sends each after its request's commit, by its worker's sender thread; waited for up to
    `seconds`."""
    paths = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        paths = [path for _to, text in list(inbox.messages) for path in LINK.findall(text)]
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
