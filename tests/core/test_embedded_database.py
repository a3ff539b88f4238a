"""The embedded default (SQLite, `make run`) under several threads: the transaction that began
first writes; a later writer waits for it, instead of the first failing with "database is
locked" when it writes after reading (eci_site.settings.base, DATABASES)."""

import dj_database_url
import pytest
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.utils import ConnectionHandler
from eci_site.settings import base


def connect(path, **options):
    embedded = base.with_engine_options({"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)})
    embedded["OPTIONS"] |= options
    # Django's defaults for what the settings leave out (TIME_ZONE...), as for DATABASES.
    settings = ConnectionHandler().configure_settings({"default": embedded})["default"]
    connection = DatabaseWrapper(settings, alias=f"embedded-{id(settings)}")
    connection.ensure_connection()
    return connection


@pytest.fixture
def database(tmp_path, django_db_blocker):
    """A SQLite file with the embedded default's options (not the test database)."""
    with django_db_blocker.unblock():
        yield tmp_path / "db.sqlite3"


def test_a_transaction_that_read_first_still_writes(database):
    first, second = connect(database), connect(database, timeout=0)
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, sent INTEGER)")
        cursor.execute("INSERT INTO message (sent) VALUES (0)")
    first._start_transaction_under_autocommit()  # how transaction.atomic() begins on SQLite
    with first.cursor() as cursor:
        cursor.execute("SELECT sent FROM message")  # the outbox reads what is due...
        # ...another thread writes meanwhile: it must wait for the first (refused at once here,
        # its timeout being 0), not slip in between the first's read and write.
        with pytest.raises(OperationalError, match="locked"), second.cursor() as other:
            other.execute("INSERT INTO message (sent) VALUES (0)")
        cursor.execute("UPDATE message SET sent = 1")  # ...and records what it sent
    first.cursor().execute("COMMIT")
    with second.cursor() as cursor:
        cursor.execute("SELECT sent FROM message")
        assert cursor.fetchall() == [(1,)]
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
    first.close()
    second.close()


def test_production_on_sqlite_gets_the_same_options():
    """production.py builds its database from DATABASE_URL (SQLite by default) through the
    same function: the options are not the development settings' alone."""
    production = base.with_engine_options(dj_database_url.parse("sqlite:////srv/db.sqlite3"))
    assert production["OPTIONS"] == base.SQLITE_OPTIONS
    postgres = base.with_engine_options(dj_database_url.parse("postgres://db/eci"))
    assert postgres["OPTIONS"] == {"prepare_threshold": 5}
