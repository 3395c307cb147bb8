"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests to read.

It can be made slow (to stop a worker in the middle of a send) and can refuse addresses for a
number of attempts (to see a delivery retried), the way a real mail server sometimes does.
"""

from __future__ import annotations

import asyncio
import email
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""


@dataclass
class Inbox:
    """The SMTP handler: what arrived, and how to misbehave."""

    received: list[Received] = field(default_factory=list)
    #: Seconds to wait while accepting each recipient (before any message is accepted).
    recipient_delay: float = 0.0
    #: address -> how many more times to answer "451 try again later".
    refuse: dict[str, int] = field(default_factory=dict)
    recipients_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse.get(address, 0) > 0:
            self.refuse[address] -= 1
            return "451 4.3.0 Mailbox busy, try again later"
        if self.recipient_delay:
            self.recipients_in_flight += 1
            try:
                await asyncio.sleep(self.recipient_delay)
            finally:
                self.recipients_in_flight -= 1
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Received]:
        return [item for item in self.received if address in item.recipients]

    def counts(self) -> Counter:
        return Counter(address for item in self.received for address in item.recipients)

    def wait_for(self, condition, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.02)
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """aiosmtpd on 127.0.0.1, in a thread of the test process."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SMTPServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
