"""Create the first admin account with a generated password, printed once.

Does nothing when a superuser already exists but say how to set a new password. `make run`
does the same through its development server (demo/management/commands/runserver.py), so
that the password comes last, after the server's own lines.
"""

from django.core.management.base import BaseCommand

from demo.admin_account import admin_message, ensure_admin


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a generated password if there is no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000/")

    def handle(self, username, base_url, **options):
        username, password = ensure_admin(username)
        self.stdout.write(self.style.SUCCESS(admin_message(base_url, username, password)))
