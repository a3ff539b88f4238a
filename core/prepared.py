"""Prepared statements for the statements a signing rush repeats on every submission.

Django's PostgreSQL cursors bind parameters on the client: each statement reaches the server as
new text to parse and plan, with the ciphertext escaped into it as a literal several times its
size. The signing path's statements (a new CAPTCHA challenge; storing and counting a statement,
its challenge used up in the same statement; a receipt's statement) go instead through a psycopg
cursor that binds on the server and prepares them:
each connection parses and plans them once, and the ciphertext travels as binary.

Behind a connection pooler in transaction mode, prepared statements need its support for them
(PgBouncer 1.21 or later with max_prepared_statements set); see docs/operations.md, "Running in
production".
"""

import psycopg
from django.db import connection


def execute_prepared(sql, params):
    """Run one statement; return its row count and the rows it returned."""
    with connection.cursor() as django_cursor:
        if connection.vendor != "postgresql":
            django_cursor.execute(sql, params)
            return django_cursor.rowcount, django_cursor.fetchall()
        # Django's cursor opened (and health-checked) the connection; errors still become
        # Django's own (IntegrityError and the like).
        with (
            connection.wrap_database_errors,
            psycopg.Cursor(django_cursor.cursor.connection) as cursor,
        ):
            cursor.execute(sql, params, prepare=True)
            return cursor.rowcount, cursor.fetchall() if cursor.description else []
