"""The progress helper of long commands: a bar on a terminal, plain lines elsewhere."""

import io

import pytest

from wagtail_allyship.text.progress import Progress, is_terminal


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_a_terminal():
    out = io.StringIO()
    with Progress(out, total=2, label="Load") as progress:
        progress.step("units")
        progress.step("pages")
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["[1/2] Load: units", "[2/2] Load: pages"]
    assert lines[2].startswith("Load: done in ") and lines[2].endswith(" s")
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()


def test_a_bar_redrawn_in_place_on_a_terminal():
    out = Terminal()
    with Progress(out, total=4) as progress:
        for name in ("a", "b", "c", "d"):
            progress.step(name)
    text = out.getvalue()
    redraws = text.split("\r")[1:]
    assert len(redraws) == 5  # four steps and the end
    assert redraws[0].startswith("[" + "-" * 24 + "] 1/4 a")
    assert redraws[2].startswith("[" + "#" * 12 + "-" * 12 + "] 3/4 c")
    assert redraws[-1].startswith("[" + "#" * 24 + "] 4/4 done in ")
    assert text.endswith("\n") and text.count("\n") == 1


def test_verbosity_0_prints_nothing():
    for stream in (io.StringIO(), Terminal()):
        with Progress(stream, total=3, label="Quiet", verbosity=0) as progress:
            progress.step("one")
        assert stream.getvalue() == ""


def test_a_failure_says_stopped_and_passes_the_error_on():
    out = io.StringIO()
    with pytest.raises(RuntimeError), Progress(out, total=3, label="Load") as progress:
        progress.step("units")
        raise RuntimeError("boom")
    assert out.getvalue().splitlines()[-1].startswith("Load: stopped in ")


def test_more_steps_than_announced_stay_at_the_total():
    out = io.StringIO()
    with Progress(out, total=1) as progress:
        progress.step("one")
        progress.step("two")
    assert out.getvalue().splitlines()[1] == "[1/1] two"


def test_closed_or_plain_objects_are_not_terminals():
    closed = io.StringIO()
    closed.close()
    assert not is_terminal(closed)  # isatty() on a closed stream raises ValueError
    assert not is_terminal(object())
    assert is_terminal(Terminal())


def test_django_output_wrapper_gets_no_extra_line_endings():
    from django.core.management.base import OutputWrapper

    raw = Terminal()
    with Progress(OutputWrapper(raw), total=2) as progress:
        progress.step("one")
        progress.step("two")
    assert raw.getvalue().count("\n") == 1
