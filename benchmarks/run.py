"""The benchmark runner: fresh database, generated data, measurements, table and JSON.

    python -m benchmarks --scale 0.1                     # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/allyship python -m benchmarks --scale 0.1

With a PostgreSQL ``DATABASE_URL``, the runner creates (and afterwards drops) a database
named after it with ``_bench`` appended; the database named in the URL is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
SETTINGS = "benchmarks.settings"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Generate benchmark data into a fresh database and measure every page "
        "type beside a plain Wagtail page. The database is SQLite unless DATABASE_URL names a "
        "PostgreSQL server.",
    )
    parser.add_argument("--scale", type=float, default=0.1, help="data volume (1 = DESIGN §6)")
    parser.add_argument("--repeats", type=int, default=40, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
    parser.add_argument(
        "--throughput",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also serve with gunicorn (2 workers) and measure requests per second",
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="load time per page")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--max-requests", type=int, default=20_000, help="request cap per page")
    parser.add_argument("--load-generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--output", type=Path, default=RESULTS / "latest.json", help="where to write the JSON"
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the generated database")
    parser.add_argument(
        "--check-budgets",
        action="store_true",
        help="exit with status 1 when a scenario is slower than its budget allows",
    )
    return parser.parse_args(argv)


# The fresh database -------------------------------------------------------------------


@contextmanager
def fresh_database(keep: bool):
    """Yield the URL of a new, empty database; remove it afterwards unless ``keep``."""
    source = os.environ.get("DATABASE_URL", "")
    scheme = urlsplit(source).scheme
    if not source or scheme == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="allyship-bench-"))
        try:
            yield f"sqlite:///{folder / 'bench.sqlite3'}"
        finally:
            if keep:
                print(f"Kept the database: {folder / 'bench.sqlite3'}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
        return
    if not scheme.startswith("postgres"):
        raise SystemExit(f"Benchmarks run on SQLite or PostgreSQL, not {scheme!r}.")
    with fresh_postgres_database(source, "_bench", keep) as url:
        yield url


@contextmanager
def fresh_postgres_database(source: str, suffix: str, keep: bool):
    """A new, empty database named after ``source``'s plus ``suffix``; dropped after."""
    import psycopg

    parts = urlsplit(source)
    name = f"{parts.path.lstrip('/') or 'allyship'}{suffix}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        if keep:
            print(f"Kept the database: {name}")
        else:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_environment(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "example_site")]),
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=REPO / "example_site", env=env, check=True
    )


# The machine --------------------------------------------------------------------------


def machine_description() -> dict[str, str | int | float]:
    import django
    import wagtail
    from django.db import connection

    cpu = platform.processor() or platform.machine()
    memory_gib = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            db_version = cursor.fetchone()[0]
        elif connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            db_version = cursor.fetchone()[0]
        else:
            db_version = "unknown"
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 0,
        "memory_gib": memory_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": f"{connection.vendor} {db_version}",
    }


# The run ------------------------------------------------------------------------------


def collect(baseline_model: str) -> tuple[list, list[str]]:
    from .measure import page_type_scenarios
    from .scenarios import BASELINE, SCENARIOS

    scenarios, notes = page_type_scenarios(baseline_model)
    for scenario in SCENARIOS:
        missing = scenario.missing_models()
        if missing:
            notes.append(f"{scenario.name}: skipped, {', '.join(missing)} not installed yet")
        elif not scenario.resolve_url():
            notes.append(f"{scenario.name}: skipped, no URL in the generated data")
        else:
            scenarios.append(scenario)
    return [BASELINE, *scenarios], notes


def data_counts() -> dict[str, int]:
    from django.apps import apps

    from .scenarios import DATASETS

    counts = {}
    for dataset in DATASETS:
        for label in dataset.models:
            try:
                counts[label] = apps.get_model(label).objects.count()
            except LookupError:
                continue
    return counts


def ratio(value: float | None, base: float | None) -> float | None:
    if value is None or not base:
        return None
    return round(value / base, 2)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    with fresh_database(args.keep_db) as database_url:
        env = site_environment(database_url)
        print(f"== Fresh database: {urlsplit(database_url).scheme}")
        step = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v", "0")
        print(f"   migrated in {time.perf_counter() - step:.0f} s")
        manage(env, "allyship_benchmark_data", "--scale", f"{args.scale:g}")

        os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
        sys.path[:0] = [str(REPO / "example_site")]
        import django

        django.setup()
        from django.db import connection

        from .measure import measure
        from .scenarios import BASELINE

        scenarios, notes = collect(BASELINE.models[0])
        print(f"== Measuring {len(scenarios)} pages, {args.repeats} timed requests each")
        measurements = measure(scenarios, args.repeats, args.warmup)
        load_info = None
        if args.throughput:
            load_info = measure_throughput(measurements, env, args)
        machine = machine_description()
        counts = data_counts()
        connection.close()

    report = build_report(args, machine, counts, measurements, notes, load_info)
    print_report(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    vendor = machine["database"].split()[0]
    args.output.with_name(f"{args.output.stem}-{vendor}.json").write_text(text + "\n")
    print(f"\nWrote {args.output} in {time.perf_counter() - started:.0f} s in all.")
    over = [s for s in report["scenarios"] if s["within_budget"] is False]
    return 1 if over and args.check_budgets else 0


def measure_throughput(measurements, env: dict[str, str], args) -> dict:
    from .measure import logged_in_clients
    from .throughput import LoadSettings, Server, fetch_status, load

    settings = LoadSettings(args.seconds, args.connections, args.max_requests, args.load_generator)
    clients = logged_in_clients({m.scenario.user for m in measurements})
    cookies = {role: f"sessionid={c.cookies['sessionid'].value}" for role, c in clients.items()}
    RESULTS.mkdir(parents=True, exist_ok=True)
    generator = settings.resolved_generator()
    print(f"== Throughput: gunicorn, 2 workers; {generator}, {settings.connections} connections")
    with Server(env, Path(tempfile.gettempdir()) / "allyship-bench-gunicorn.log") as server:
        order = [measurements[0], *measurements[1:], measurements[0]]  # baseline first and last
        baseline_runs = []
        for measurement in order:
            url = server.base_url + measurement.url
            cookie = cookies[measurement.scenario.user]
            status = fetch_status(url, cookie)
            if status != 200:
                raise RuntimeError(f"{measurement.scenario.name}: {url} answered {status}")
            result = load(url, cookie, settings)
            if result["errors"]:
                raise RuntimeError(f"{measurement.scenario.name}: {result['errors']} errors")
            print(f"   {measurement.scenario.name}: {result['rps']:.1f} req/s")
            if measurement is measurements[0]:
                baseline_runs.append(result["rps"])
            else:
                measurement.requests_per_second = result["rps"]
        measurements[0].requests_per_second = sum(baseline_runs) / len(baseline_runs)
    return {
        "server": "gunicorn, 2 sync workers, on 127.0.0.1",
        "generator": generator,
        "connections": settings.connections,
        "seconds_per_page": settings.seconds,
        "baseline_runs_rps": baseline_runs,
    }


def build_report(args, machine, counts, measurements, notes, load_info) -> dict:
    baseline = measurements[0]
    rows = []
    for measurement in measurements:
        scenario = measurement.scenario
        median_ratio = ratio(measurement.median_ms, baseline.median_ms)
        rows.append(
            {
                "name": scenario.name,
                "url": measurement.url,
                "user": scenario.user,
                "baseline": measurement is baseline,
                "median_ms": round(measurement.median_ms, 2),
                "p95_ms": round(measurement.p95_ms, 2),
                "queries": measurement.queries,
                "requests_per_second": measurement.requests_per_second,
                "median_ratio": median_ratio,
                "p95_ratio": ratio(measurement.p95_ms, baseline.p95_ms),
                "queries_ratio": ratio(measurement.queries, baseline.queries),
                "requests_per_second_ratio": ratio(
                    measurement.requests_per_second, baseline.requests_per_second
                ),
                "budget": scenario.budget,
                "within_budget": None
                if scenario.budget is None
                else bool(median_ratio is not None and median_ratio <= scenario.budget),
            }
        )
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scale": args.scale,
        "repeats": args.repeats,
        "warmup": args.warmup,
        "machine": machine,
        "data": counts,
        "throughput": load_info,
        "scenarios": rows,
        "not_measured": notes,
    }


def format_number(value: float | None, suffix: str = "", digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}{suffix}"


def markdown_table(report: dict) -> str:
    header = (
        "| Page | Median ms | p95 ms | Queries | Median × base | p95 × base | Queries × base "
        "| Req/s | Req/s × base |"
    )
    lines = [header, "|" + "---|" * 9]
    for row in report["scenarios"]:
        name = f"**{row['name']}**" if row["baseline"] else row["name"]
        if row["within_budget"] is not None:
            verdict = "within" if row["within_budget"] else "OVER"
            name += f" (budget {row['budget']:g}×: {verdict})"
        lines.append(
            "| "
            + " | ".join(
                [
                    name,
                    format_number(row["median_ms"]),
                    format_number(row["p95_ms"]),
                    str(row["queries"]),
                    format_number(row["median_ratio"], "×", 2),
                    format_number(row["p95_ratio"], "×", 2),
                    format_number(row["queries_ratio"], "×", 2),
                    format_number(row["requests_per_second"]),
                    format_number(row["requests_per_second_ratio"], "×", 2),
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def describe_machine(report: dict) -> str:
    m = report["machine"]
    data = ", ".join(f"{label} {count:,}" for label, count in report["data"].items())
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}",
        f"Software: Python {m['python']}, Django {m['django']}, Wagtail {m['wagtail']}, "
        f"{m['database']}",
        f"Data at scale {report['scale']:g}: {data}",
        f"Render time: {report['repeats']} timed requests per page (after "
        f"{report['warmup']} untimed), in-process through Django's full stack.",
    ]
    if report["throughput"]:
        t = report["throughput"]
        lines.append(
            f"Throughput: {t['server']}; {t['generator']} with {t['connections']} connections "
            f"for {t['seconds_per_page']:g} s per page, from a second process."
        )
    return "\n".join(lines)


def print_report(report: dict) -> None:
    print()
    print(describe_machine(report))
    print()
    print(markdown_table(report))
    for note in report["not_measured"]:
        print(f"- not measured: {note}")
