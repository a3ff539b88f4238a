"""Transactions that span several tests, for trees built once and only read."""

from contextlib import contextmanager


@contextmanager
def rolled_back(django_db_blocker):
    """A transaction around many tests, rolled back after them (each test inside still rolls
    back its own changes, to a savepoint)."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield django_db_blocker
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
