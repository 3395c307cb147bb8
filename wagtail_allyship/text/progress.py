"""Progress of a long management command: a bar on a terminal, one line per step elsewhere.

Commands such as ``allyship_starter`` or the demo's ``allyship_demo`` run for seconds to
minutes. On a terminal, one line is redrawn in place: a bar, ``step/total`` and what is being
done. In a log, a CI job or a pipe, a redrawn line turns into noise, so each step prints one
plain line instead. ``verbosity`` 0 (Django's ``--verbosity 0``) prints nothing.

A dozen lines of our own rather than tqdm: the package's commands run in hosts, and a
runtime dependency for one bar would be more to keep than the bar itself. Pure Python, so
the benchmarks and the example site use it too.
"""

from __future__ import annotations

import time
from typing import IO, Any

BAR_WIDTH = 24


def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is an interactive terminal (Django's OutputWrapper passes it on)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def write_raw(stream: Any, text: str) -> None:
    """Write ``text`` as it is: Django's OutputWrapper would add a line ending of its own."""
    if hasattr(stream, "style_func"):
        stream.write(text, ending="")
    else:
        stream.write(text)
    flush = getattr(stream, "flush", None)
    if flush:
        flush()


class Progress:
    """Counts the steps of one command and shows them on ``stream``.

    Use it as a context manager, calling :meth:`step` before each piece of work, so that a
    slow step is named while it runs::

        with Progress(self.stdout, total=3, label="Demo", verbosity=verbosity) as progress:
            progress.step("pages")
            ...
    """

    def __init__(
        self,
        stream: IO[str] | Any,
        total: int,
        label: str = "",
        verbosity: int = 1,
        terminal: bool | None = None,
    ) -> None:
        self.stream = stream
        self.total = max(total, 1)
        self.label = label
        self.silent = verbosity < 1
        self.terminal = is_terminal(stream) if terminal is None else terminal
        self.done = 0
        self.started = time.monotonic()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.finish(failed=exc_info[0] is not None)

    def step(self, what: str) -> None:
        """Say that step ``what`` starts (the steps before it are done)."""
        self.done = min(self.done + 1, self.total)
        if self.silent:
            return
        prefix = f"{self.label}: " if self.label else ""
        counter = f"{self.done}/{self.total}"
        if self.terminal:
            filled = round(BAR_WIDTH * (self.done - 1) / self.total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            line = f"[{bar}] {counter} {prefix}{what}"
            # Clear the rest of the previous line, which may have been longer.
            write_raw(self.stream, f"\r{line}\x1b[K")
        else:
            write_raw(self.stream, f"[{counter}] {prefix}{what}\n")

    def finish(self, failed: bool = False) -> None:
        """End the bar with a line of its own, and say how long it all took."""
        if self.silent:
            return
        seconds = time.monotonic() - self.started
        prefix = f"{self.label}: " if self.label else ""
        outcome = "stopped" if failed else "done"
        if self.terminal:
            bar = "#" * BAR_WIDTH if not failed else "#" * round(BAR_WIDTH * self.done / self.total)
            bar = bar.ljust(BAR_WIDTH, "-")
            write_raw(
                self.stream,
                f"\r[{bar}] {self.done}/{self.total} {prefix}{outcome} in {seconds:.1f} s\x1b[K\n",
            )
        else:
            write_raw(self.stream, f"{prefix}{outcome} in {seconds:.1f} s\n")
