"""The past days of the chart and the open counts (review finding 2 of issue 15): kept per
initiative, not under the content version, counted by one process at a time, and forgotten
exactly when something changes them (a destruction, a paper batch)."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.content_version import new_version
from initiatives import daily
from initiatives.daily import past_online_days, public_series
from initiatives.models import PaperBatch
from organisers.audit import DESTROYED_ON_DEMAND
from organisers.retention import destroy_statements
from signing.models import Statement
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)


def days_ago(n, today=TODAY):
    return today - datetime.timedelta(days=n)


def signed_on(initiative, day, count=1):
    for _ in range(count):
        statement = StatementFactory(initiative=initiative)
        Statement.objects.filter(pk=statement.pk).update(submitted_on=day)


def statement_queries(queries):
    return [query["sql"] for query in queries if Statement._meta.db_table in query["sql"]]


def test_a_publication_recounts_no_past_day(initiative):
    signed_on(initiative, timezone.localdate() - datetime.timedelta(days=3), count=2)
    first = public_series(initiative, 2)
    new_version()  # what any publication, move or snippet change does
    with CaptureQueriesContext(connection) as queries:
        assert public_series(initiative, 2) == first
    assert statement_queries(queries) == []


def test_a_new_day_counts_only_the_days_since_the_last_count(initiative):
    signed_on(initiative, days_ago(10))
    signed_on(initiative, days_ago(1))
    assert past_online_days(initiative.pk, TODAY) == {days_ago(10): 1, days_ago(1): 1}
    # A day long past cannot change: the next day's count does not read it again...
    signed_on(initiative, days_ago(10))
    # ...but it reads the last day counted once more (a statement may commit after midnight).
    signed_on(initiative, days_ago(1))
    signed_on(initiative, TODAY, count=3)
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert past_online_days(initiative.pk, tomorrow) == {
        days_ago(10): 1, days_ago(1): 2, TODAY: 3,
    }  # fmt: skip


def test_while_one_process_counts_the_others_use_the_days_counted_before(initiative):
    signed_on(initiative, days_ago(2))
    assert past_online_days(initiative.pk, TODAY) == {days_ago(2): 1}
    daily.cache.add(f"days-counting:online:{initiative.pk}", 1, 60)  # another process counts
    tomorrow = TODAY + datetime.timedelta(days=1)
    with CaptureQueriesContext(connection) as queries:
        assert past_online_days(initiative.pk, tomorrow) == {days_ago(2): 1}
    assert statement_queries(queries) == []


def test_with_nothing_counted_yet_a_process_counts_without_waiting(initiative, monkeypatch):
    """A request never sleeps in a worker for another process's count (review of finding 2)."""
    signed_on(initiative, days_ago(2))
    daily.cache.add(f"days-counting:online:{initiative.pk}", 1, 60)  # another process counts

    def no_sleeping(seconds):
        raise AssertionError("a request slept, waiting for another process's count")

    monkeypatch.setattr(time, "sleep", no_sleeping)
    assert past_online_days(initiative.pk, TODAY) == {days_ago(2): 1}
    assert daily.cache.get(f"days-counting:online:{initiative.pk}") == 1  # not its lock


def test_a_destruction_makes_the_past_days_counted_again(
    initiative, django_capture_on_commit_callbacks
):
    signed_on(initiative, days_ago(2), count=2)
    assert past_online_days(initiative.pk, TODAY) == {days_ago(2): 2}
    # Kept days are not read again unless told: a stand-in for a count that, read while the
    # statements moved to the destroyed counts, saw some of them twice.
    version, _kept = daily._kept(daily.ONLINE, initiative.pk)
    daily._keep(daily.ONLINE, initiative.pk, version, TODAY, {days_ago(2): 4})
    with django_capture_on_commit_callbacks(execute=True):
        destroy_statements(initiative, action=DESTROYED_ON_DEMAND, reason="test")
    assert past_online_days(initiative.pk, TODAY) == {days_ago(2): 2}


def test_a_paper_batch_shows_on_its_day_at_once(initiative, django_capture_on_commit_callbacks):
    assert public_series(initiative, 0) == []
    with django_capture_on_commit_callbacks(execute=True):
        batch = PaperBatch.objects.create(
            initiative=initiative, country="RO", collected_on=days_ago(5), count=40
        )
    assert public_series(initiative, 0)[0] == (days_ago(5), 0, 40)
    with django_capture_on_commit_callbacks(execute=True):
        batch.delete()
    assert public_series(initiative, 0) == []
