"""Send the queued messages that are due (run every minute or few; see docs/operations.md, Mail)."""

from django.core.management.base import BaseCommand

from outbox.models import QueuedMessage
from outbox.sending import MAX_ATTEMPTS, send_due


class Command(BaseCommand):
    help = "Send queued outgoing mail that is due; failures are retried later with backoff."

    def handle(self, *args, **options):
        sent, failed = send_due()
        waiting = QueuedMessage.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS).count()
        given_up = QueuedMessage.objects.filter(sent_at=None, attempts__gte=MAX_ATTEMPTS).count()
        self.stdout.write(
            f"Sent {sent}, failed {failed} (retried later); {waiting} waiting, {given_up} given up."
        )
