"""The organisers' key command, and the key rules in the admin record."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from core import crypto
from signing.models import Statement
from tests.factories import InitiativeFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_generated_key_round_trips_and_its_fingerprint_matches_the_admins(tmp_path, capsys):
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a long organisers passphrase\n")
    key_file = tmp_path / "organisers-key.json"
    call_command("generate_signing_key", out=str(key_file), passphrase_file=str(passphrase))
    lines = capsys.readouterr().out.splitlines()
    public = next(line for line in lines if line.startswith(crypto.PUBLIC_KEY_PREFIX))
    printed_fingerprint = lines[-1]
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    key = crypto.PrivateKey.from_file_json(key_file.read_text(), "a long organisers passphrase")
    assert key.public_key_text() == public
    initiative = InitiativeFactory(public_key="")
    initiative.public_key = public
    initiative.full_clean()
    initiative.save()
    assert initiative.key_fingerprint == printed_fingerprint
    with pytest.raises(crypto.UnusableKey, match="Wrong passphrase"):
        crypto.PrivateKey.from_file_json(key_file.read_text(), "not the passphrase")


def test_command_refuses_short_passphrases_and_existing_files(tmp_path):
    short = tmp_path / "short"
    short.write_text("short\n")
    with pytest.raises(CommandError, match="at least 12"):
        call_command(
            "generate_signing_key", out=str(tmp_path / "k.json"), passphrase_file=str(short)
        )
    existing = tmp_path / "existing.json"
    existing.write_text("{}")
    with pytest.raises(CommandError, match="exists already"):
        call_command("generate_signing_key", out=str(existing), passphrase_file=str(short))


def test_key_cannot_be_replaced_after_the_first_statement():
    initiative = InitiativeFactory()
    initiative.public_key = crypto.PrivateKey.generate().public_key_text()
    initiative.full_clean()  # no statement yet: allowed
    initiative.refresh_from_db()
    StatementFactory(initiative=initiative)
    assert Statement.objects.filter(initiative=initiative).exists()
    initiative.public_key = crypto.PrivateKey.generate().public_key_text()
    with pytest.raises(ValidationError, match="split them between two keys"):
        initiative.full_clean()


def test_malformed_public_key_is_refused_with_a_reason():
    initiative = InitiativeFactory()
    initiative.public_key = crypto.PUBLIC_KEY_PREFIX + "not base64!"
    with pytest.raises(ValidationError, match="not valid base64"):
        initiative.full_clean()
