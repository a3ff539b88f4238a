"""The privacy scan: where personal data must never be found after a signing test."""

from django.apps import apps
from django.core.cache import cache
from django.db import connection


def assert_nowhere(needles, logs):
    """No needle in the logs, any table (with or without a model) or the local cache."""
    haystacks = {"logs": logs}
    for model in apps.get_models():
        haystacks[model._meta.db_table] = repr(list(model.objects.all().values_list()))
    with connection.cursor() as cursor:  # tables without models too (e.g. search indexes)
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            haystacks[f"raw {table}"] = repr(cursor.fetchall())
    for key in getattr(cache, "_cache", {}):
        haystacks[f"cache {key}"] = repr(cache._cache[key])
    for name, text in haystacks.items():
        for needle in needles:
            assert needle not in text, f"{needle} found in {name}"
            assert needle.encode() not in text.encode(), f"{needle} found in {name}"
