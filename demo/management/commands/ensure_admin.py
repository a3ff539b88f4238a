"""Create the first admin account with a generated password, printed once.

Does nothing when a superuser already exists, so `make run` can call it every time.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a generated password if there is no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, username, **options):
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin account exists already (its password is not shown again).")
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin account created. Sign in at /admin/ as '{username}' with the password "
                f"{password}\nIt is shown only this once: note it now."
            )
        )
