"""The benchmark data generator's inner progress: tqdm on a terminal, lines in a log."""

import io

from benchmarks.management.commands.allyship_benchmark_data import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_step():
    out = io.StringIO()
    items = list(progress_bar(out)(range(3), desc="resources"))
    assert items == [0, 1, 2]
    assert out.getvalue() == "    resources…\n"


def test_a_terminal_gets_a_bar():
    out = Terminal()
    assert list(progress_bar(out)(range(3), desc="resources", total=3)) == [0, 1, 2]
    assert "\r    resources:" in out.getvalue() and "0/3" in out.getvalue()


def test_verbosity_0_is_silent():
    for stream in (io.StringIO(), Terminal()):
        assert list(progress_bar(stream, verbosity=0)(range(2), desc="x")) == [0, 1]
        assert stream.getvalue() == ""
