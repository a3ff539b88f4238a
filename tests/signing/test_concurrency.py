"""Concurrent signing on PostgreSQL, with one real connection per thread."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.db import connection, connections

from core.crypto import PrivateKey
from initiatives.models import SupportCounter
from organisers.audit import DESTROYED_ON_DEMAND
from organisers.retention import destroy_statements
from signing.models import Statement
from signing.services import AlreadySigned, record_statement
from tests.factories import InitiativeFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def require_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (make test-postgres)")


@pytest.fixture
def initiative():
    return InitiativeFactory(name="Concurrency", public_key=PrivateKey.generate().public_key_text())


def in_own_connection(function):
    def run(*args):
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run


def sign(initiative, identity):
    return record_statement(
        initiative=initiative,
        country="BG",
        data={"first_names": "Test", "document_number": identity},
        identity=identity,
        language="bg",
        page_revision_id=None,
    )


def test_simultaneous_duplicates_store_exactly_one(initiative):
    for attempt in range(10):
        barrier = threading.Barrier(2)
        identity = f"BG|personal.number|{attempt}"

        @in_own_connection
        def attempt_to_sign(_, identity=identity, barrier=barrier):
            barrier.wait()
            try:
                sign(initiative, identity)
                return "stored"
            except AlreadySigned:
                return "duplicate"

        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = sorted(pool.map(attempt_to_sign, range(2)))
        assert outcomes == ["duplicate", "stored"]
    assert Statement.objects.filter(initiative=initiative).count() == 10


def test_counts_stay_exact_under_1000_concurrent_signatures(initiative, capsys):
    @in_own_connection
    def sign_many(worker):
        for number in range(125):
            sign(initiative, f"BG|personal.number|{worker}-{number}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(sign_many, range(8)))
    stored = Statement.objects.filter(initiative=initiative, country="BG").count()
    counted = sum(
        SupportCounter.objects.filter(initiative=initiative, country="BG").values_list(
            "count", flat=True
        )
    )
    assert stored == counted == 1000
    assert SupportCounter.objects.filter(initiative=initiative).count() > 1  # spread over shards
    call_command("reconcile_counts")
    assert "Counters and statements agree." in capsys.readouterr().out


def test_a_statement_stored_during_a_destruction_is_kept_or_counted(initiative, capsys):
    """While a statement's transaction is open, a destruction runs: the statement is not among
    the destroyed (not visible yet), it stays stored and counted once it commits."""
    from django.db import transaction

    sign(initiative, "BG|personal.number|before")
    stored, release = threading.Event(), threading.Event()

    @in_own_connection
    def sign_slowly(_):
        with transaction.atomic():
            sign(initiative, "BG|personal.number|in-flight")
            stored.set()
            release.wait(10)

    @in_own_connection
    def destroy(_):
        return destroy_statements(initiative, action=DESTROYED_ON_DEMAND, reason="test")

    with ThreadPoolExecutor(max_workers=2) as pool:
        signing = pool.submit(sign_slowly, None)
        assert stored.wait(10)
        assert pool.submit(destroy, None).result(timeout=10) == {"BG": 1}
        release.set()
        signing.result()
    assert Statement.objects.filter(initiative=initiative).count() == 1
    call_command("reconcile_counts")
    assert "agree" in capsys.readouterr().out
