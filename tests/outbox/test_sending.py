"""The outbox's sending: one SMTP connection for what is due, one sender thread per process."""

import threading

import pytest
from django.core.mail.backends import locmem

from outbox import sending
from outbox.models import QueuedMessage

pytestmark = pytest.mark.django_db


class CountedBackend(locmem.EmailBackend):
    """Django's test backend, counting the connections made."""

    made = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        CountedBackend.made += 1


def test_what_is_due_goes_over_one_connection(settings):
    from django.core import mail

    settings.EMAIL_BACKEND = f"{__name__}.CountedBackend"
    CountedBackend.made = 0
    for number in range(3):
        sending.queue(f"Message {number}", "Body", [f"signer{number}@example.org"])
    assert sending.send_due() == (3, 0)
    assert CountedBackend.made == 1
    assert sorted(message.subject for message in mail.outbox) == [
        "Message 0", "Message 1", "Message 2"
    ]  # fmt: skip
    assert not QueuedMessage.objects.filter(sent_at=None).exists()


def test_an_unreachable_mail_system_is_tried_once_per_round(settings):
    """With SMTP down, every due message waits its turn again, and the server is not asked
    once per message (each try can cost EMAIL_TIMEOUT)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    tries = []
    real_open = sending.get_connection

    def counted(**kwargs):
        backend = real_open(**kwargs)
        opening = backend.open

        def open_counted():
            tries.append(1)
            return opening()

        backend.open = open_counted
        return backend

    for number in range(3):
        sending.queue(f"Message {number}", "Body", [f"signer{number}@example.org"])
    sending.get_connection = counted
    try:
        assert sending.send_due() == (0, 3)
    finally:
        sending.get_connection = real_open
    assert len(tries) == 1
    assert set(QueuedMessage.objects.values_list("attempts", "last_error")) == {
        (1, "ConnectionRefusedError")
    }


def test_a_rush_wakes_one_sender_thread(monkeypatch):
    """Each commit that queued mail wakes the process's sender; none starts a thread of its own."""
    release = threading.Event()
    rounds = []

    def blocked_send_due():
        rounds.append(1)
        release.wait(timeout=30)
        return 0, 0

    monkeypatch.setattr(sending, "send_due", blocked_send_due)
    monkeypatch.setattr(sending, "_sender", None)
    monkeypatch.setattr(sending, "_wake", threading.Event())
    before = {thread.ident for thread in threading.enumerate() if thread.name == "outbox"}
    try:
        for _ in range(5):
            sending.send_soon()
        started = [
            thread
            for thread in threading.enumerate()
            if thread.name == "outbox" and thread.ident not in before
        ]
        assert len(started) == 1
    finally:
        release.set()


def test_a_full_round_is_followed_by_another_at_once(monkeypatch):
    """A rush that leaves more than a round's messages due is not left to cron."""
    second_round = threading.Event()
    rounds = []

    def full_then_empty():
        rounds.append(1)
        if len(rounds) == 1:
            return sending.ROUND, 0
        second_round.set()
        return 0, 0

    monkeypatch.setattr(sending, "send_due", full_then_empty)
    monkeypatch.setattr(sending, "_sender", None)
    monkeypatch.setattr(sending, "_wake", threading.Event())
    sending.send_soon()  # one wake-up only
    assert second_round.wait(timeout=30)
