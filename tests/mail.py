"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the mail tests."""

import socket

from aiosmtpd.controller import Controller


class Inbox:
    """aiosmtpd's handler: each message as (recipients, text)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """`with SMTPServer() as server:` the server's inbox, host and port while it runs."""

    def __init__(self):
        self.inbox = Inbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())

    @property
    def host(self):
        return self.controller.hostname

    @property
    def port(self):
        return self.controller.port

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
