"""A progress bar on the terminal for long exports, and a quiet one for logs and tests."""

import sys
import time


class Progress:
    """Redraws one line on a terminal a few times a second; elsewhere prints every 10%."""

    def __init__(self, total, stream=None, label="Exporting"):
        self.total, self.done, self.label = total, 0, label
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.started = self.last_drawn = time.monotonic()
        self.next_report = 0.1

    def advance(self):
        self.done += 1
        if self.interactive:
            if self.done % 500 == 0 and time.monotonic() - self.last_drawn > 0.2:
                self._draw("\r")
        elif self.total and self.done >= self.next_report * self.total:
            self.next_report += 0.1
            self._draw("")
            self.stream.write("\n")

    def finish(self):
        self._draw("\r" if self.interactive else "")
        self.stream.write("\n")
        self.stream.flush()

    @property
    def rate(self):
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _draw(self, prefix):
        self.last_drawn = time.monotonic()
        if self.total:
            share = min(self.done / self.total, 1.0)
            bar = "#" * int(share * 30)
            text = f"{self.label} [{bar:<30}] {share:4.0%} {self.done:,}/{self.total:,}"
        else:
            text = f"{self.label} {self.done:,}"
        self.stream.write(f"{prefix}{text}  {self.rate:,.0f}/s")
        self.stream.flush()
