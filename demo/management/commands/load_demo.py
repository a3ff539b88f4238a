"""`manage.py load_demo`: the demo site in every content language with demo text (safe to run
again; see demo/loader.py)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load the demo content in every content language (safe to run again)."

    def handle(self, **options):
        with transaction.atomic():
            DemoLoader(self.stdout).run()
