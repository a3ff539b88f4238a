"""Queue a message in the current transaction; send what is due after it commits, or from cron.

    queue(subject, body, to, from_email)   # inside the transaction that stores the submission
    send_due()                             # manage.py send_queued_mail (cron), and after commit

After a failure a message waits RETRY_BASE_SECONDS × 2^(attempts − 1), at most RETRY_MAX_SECONDS,
and is given up after MAX_ATTEMPTS (it stays in the table, unsent; send_queued_mail counts it).
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.utils import timezone

from .models import QueuedMessage

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 6 * 3600
MAX_ATTEMPTS = 20  # about four days of tries


def queue(subject, body, to, from_email=""):
    """Store a message to send once the current transaction commits."""
    message = QueuedMessage.objects.create(
        subject=subject[:255], body=body, to=list(to), from_email=from_email
    )
    if getattr(settings, "OUTBOX_SEND_AFTER_COMMIT", True):
        transaction.on_commit(send_soon)
    return message


def send_soon():
    """Send what is due in a thread of its own: the response does not wait for SMTP. A process
    that ends first leaves the message queued, for the next run of send_queued_mail."""
    threading.Thread(target=_send_in_thread, name="outbox", daemon=True).start()


def _send_in_thread():
    # A thread has database connections of its own: close them when done.
    try:
        send_due()
    finally:
        connection.close()


def retry_delay(attempts):
    return timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS))


def send_due(now=None, limit=100):
    """Send the messages that are due; return (sent, failed)."""
    sent = failed = 0
    for pk in list(
        QueuedMessage.objects.filter(
            sent_at=None,
            attempts__lt=MAX_ATTEMPTS,
            next_attempt_at__lte=now or timezone.now(),
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    ):
        outcome = _send_one(pk, now)
        sent += outcome is True
        failed += outcome is False
    return sent, failed


def _send_one(pk, now):
    """Send one message under a row lock (two senders never send the same message); None when
    another sender has it or has sent it."""
    with transaction.atomic():
        message = (
            QueuedMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, sent_at=None)
            .first()
        )
        if message is None:
            return None
        try:
            EmailMessage(
                message.subject,
                message.body,
                message.from_email or settings.DEFAULT_FROM_EMAIL,
                message.to,
                connection=get_connection(fail_silently=False),
            ).send()
        except Exception as error:  # any failure of the mail system is retried
            message.attempts += 1
            message.next_attempt_at = (now or timezone.now()) + retry_delay(message.attempts)
            message.last_error = type(error).__name__[:100]
            message.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            logger.warning(
                "Queued message %s not sent (%s), attempt %s",
                message.pk, message.last_error, message.attempts,
            )  # fmt: skip
            return False
        message.attempts += 1
        message.sent_at = timezone.now()
        message.body = ""
        message.to = []
        message.last_error = ""
        message.save(update_fields=["attempts", "sent_at", "body", "to", "last_error"])
        return True
