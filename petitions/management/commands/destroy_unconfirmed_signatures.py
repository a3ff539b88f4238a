"""Destroy the petition signatures that nobody confirmed in time (run it daily, or more often)."""

from django.core.management.base import BaseCommand

from petitions.services import destroy_unconfirmed


class Command(BaseCommand):
    help = "Destroy petition signatures not confirmed within their petition's days."

    def handle(self, *args, **options):
        destroyed = destroy_unconfirmed()
        self.stdout.write(f"Destroyed {destroyed} unconfirmed signatures.")
