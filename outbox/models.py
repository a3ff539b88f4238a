"""Outgoing mail, stored first and sent afterwards: no citizen waits for, or fails on, SMTP."""

from django.db import models
from django.utils import timezone


class QueuedMessage(models.Model):
    """One message to send. Stored in the transaction of what caused it (a contact submission),
    sent after that transaction commits and, when sending fails, again later with a growing delay
    (`outbox.sending`, `manage.py send_queued_mail`). Once sent, its body and its recipients are
    emptied: what the citizen wrote stays only where it was stored in the first place (the form
    submission), and a signer's address, mailed a petition's link, is kept nowhere."""

    created_at = models.DateTimeField(default=timezone.now)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    from_email = models.CharField(max_length=255, blank=True)
    to = models.JSONField()
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The class of the last error (e.g. ConnectionRefusedError), never its text: an SMTP error
    # message can quote the addresses or the message.
    last_error = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"])]

    def __str__(self):
        state = f"sent {self.sent_at:%Y-%m-%d %H:%M}" if self.sent_at else "queued"
        return f"message {self.pk} ({state}, {self.attempts} attempts)"
