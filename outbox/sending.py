"""Queue a message in the current transaction; send what is due after it commits, or from cron.

    queue(subject, body, to, from_email)   # inside the transaction that stores the submission
    send_due()                             # manage.py send_queued_mail (cron), and after commit

After a commit, the process's one sender thread is woken: it sends everything due over one SMTP
connection, so that a rush of signatures costs a wake-up each, not a thread, a database connection
and an SMTP connection each (a thread per message held a petition's signing at 42/s where the
statements' ran at 230/s: docs/benchmarks.md).

After a failure a message waits RETRY_BASE_SECONDS × 2^(attempts − 1), at most RETRY_MAX_SECONDS,
and is given up after MAX_ATTEMPTS (it stays in the table, unsent; send_queued_mail counts it).
"""

import logging
import os
import threading
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import close_old_connections, transaction
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


ROUND = 100  # messages a round sends at most; a full round is followed by another at once

_wake = threading.Event()
_sender = None
_sender_started = threading.Lock()


def _forget_the_parents_sender():
    """A forked child (a gunicorn worker) has no sender thread yet, and no lock held."""
    global _wake, _sender, _sender_started
    _wake, _sender, _sender_started = threading.Event(), None, threading.Lock()


os.register_at_fork(after_in_child=_forget_the_parents_sender)


def send_soon():
    """Wake this process's sender thread, started on first use (in each worker, after any fork):
    the response does not wait for SMTP. A process that ends first leaves the message queued,
    for the next run of send_queued_mail."""
    global _sender
    _wake.set()
    with _sender_started:
        if _sender is None or not _sender.is_alive():
            _sender = threading.Thread(
                target=_send_when_woken, args=(_wake, send_due), name="outbox", daemon=True
            )
            _sender.start()


def _send_when_woken(wake, send):
    while True:
        wake.wait()
        wake.clear()  # what is queued from now on wakes the next round
        # The thread's own database connection is kept between rounds within CONN_MAX_AGE,
        # and closed after each one without it.
        close_old_connections()
        try:
            sent, failed = send()
        except Exception as error:  # the database, say: the next wake-up or cron tries again
            logger.warning("The outbox's sender stopped a round (%s)", type(error).__name__)
        else:
            if sent + failed >= ROUND:  # more may be due: a rush is not left to cron
                wake.set()
        finally:
            close_old_connections()


def retry_delay(attempts):
    return timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS))


def send_due(now=None, limit=ROUND):
    """Send the messages that are due, over one SMTP connection; return (sent, failed)."""
    due = list(
        QueuedMessage.objects.filter(
            sent_at=None,
            attempts__lt=MAX_ATTEMPTS,
            next_attempt_at__lte=now or timezone.now(),
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = failed = 0
    if not due:
        return sent, failed
    mail = get_connection(fail_silently=False)
    try:
        mail.open()
    except Exception as error:  # the mail system is down: every due message waits its turn
        unreachable = error
    else:
        unreachable = None
    try:
        for pk in due:
            outcome = _send_one(pk, now, mail, unreachable)
            sent += outcome is True
            failed += outcome is False
    finally:
        mail.close()
    return sent, failed


def _send_one(pk, now, mail, unreachable=None):
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
            if unreachable is not None:
                raise unreachable
            EmailMessage(
                message.subject,
                message.body,
                message.from_email or settings.DEFAULT_FROM_EMAIL,
                message.to,
                connection=mail,
            ).send()
        except Exception as error:  # any failure of the mail system is retried
            mail.close()  # a broken connection is opened anew for the next message
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
