"""Server render time and SQL queries of each scenario, measured beside the baseline page.

Requests go through Django's full stack (middleware, sessions, Wagtail's serve view, templates)
with the test client, in this process, against the generated database: the time is what the
server spends on a request, without the network. The scenarios take turns in every round, so
a change in machine load affects the baseline and the pages alike.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .data import Scenario


class BenchmarkError(RuntimeError):
    """A scenario cannot be measured (its page does not answer 200, for instance)."""


@dataclass
class Measurement:
    scenario: Scenario
    url: str
    times_ms: list[float] = field(default_factory=list)
    queries: int = 0
    requests_per_second: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95_ms(self) -> float:
        return percentile(self.times_ms, 0.95)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value with ``fraction`` of the values at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(round(len(ordered) * fraction, 9)))
    return ordered[rank - 1]


def page_type_scenarios(baseline_model: str) -> tuple[list[Scenario], list[str]]:
    """One scenario per page type with a live English page; notes on the types without one."""
    from wagtail.models import Page, get_page_models

    scenarios, notes = [], []
    for model in get_page_models():
        label = model._meta.label
        if model is Page or label == baseline_model:
            continue
        page = (
            model.objects.live()
            .filter(locale__language_code="en")
            .order_by("depth", "path")
            .first()
        )
        if page is None:
            notes.append(
                f"{label}: no live page in the benchmark data; add a data set that builds one "
                "in benchmarks/scenarios.py"
            )
            continue
        name = f"{str(model._meta.verbose_name).capitalize()} ({label})"
        scenarios.append(Scenario(name, url=page.url, models=(label,)))
    return scenarios, notes


def logged_in_clients(roles: set[str]) -> dict[str, Client]:
    from django.contrib.auth import get_user_model

    from .data import USERS

    clients = {}
    for role in roles:
        client = Client()
        client.force_login(get_user_model().objects.get(username=USERS[role]))
        clients[role] = client
    return clients


def measure(scenarios: list[Scenario], repeats: int, warmup: int) -> list[Measurement]:
    """Time ``repeats`` requests of each scenario, in rounds, after ``warmup`` untimed ones."""
    clients = logged_in_clients({scenario.user for scenario in scenarios})
    measurements = []
    for scenario in scenarios:
        url = scenario.resolve_url()
        if not url:
            raise BenchmarkError(f"{scenario.name}: no URL found in the generated data")
        measurements.append(Measurement(scenario, url))

    for measurement in measurements:
        client = clients[measurement.scenario.user]
        for _ in range(warmup):
            response = client.get(measurement.url)
            if response.status_code != 200:
                raise BenchmarkError(
                    f"{measurement.scenario.name}: {measurement.url} answered "
                    f"{response.status_code}, not 200"
                )
        with CaptureQueriesContext(connection) as queries:
            client.get(measurement.url)
        measurement.queries = len(queries)

    for round_number in range(repeats):
        # Rotate the order so no scenario always runs first (or right after a heavy one).
        shift = round_number % len(measurements)
        for measurement in measurements[shift:] + measurements[:shift]:
            client = clients[measurement.scenario.user]
            started = time.perf_counter()
            response = client.get(measurement.url)
            _ = response.content
            measurement.times_ms.append((time.perf_counter() - started) * 1000)
    return measurements
