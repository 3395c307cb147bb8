"""Fill a fresh database with benchmark volumes of every model that exists.

The command belongs to the benchmark settings (``benchmarks.settings`` installs this folder
as an app), so the example intranet never imports the benchmarks::

    export DJANGO_SETTINGS_MODULE=benchmarks.settings PYTHONPATH=$PWD
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python example_site/manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python example_site/manage.py \
        allyship_benchmark_data --scale 0.1

``make bench`` does this (and measures) for you. The data sets are registered in
``benchmarks/scenarios.py``; those whose models do not exist yet are skipped.
"""

from __future__ import annotations

import random
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from benchmarks.data import SITE_NAME, BuildContext
from benchmarks.scenarios import DATASETS
from wagtail_allyship.text.progress import Progress, is_terminal


def progress_bar(stream, verbosity: int = 1):
    """A tqdm bar on a terminal; one line per step in a log or when tqdm is not installed;
    nothing at verbosity 0."""
    try:
        from tqdm import tqdm
    except ImportError:
        tqdm = None

    def wrap(items, desc="", total=None):
        if verbosity < 1:
            return items
        if tqdm is not None and is_terminal(stream):
            return tqdm(items, desc=f"    {desc}", total=total, file=stream, leave=False)
        stream.write(f"    {desc}…\n")  # in a log, one line per step reads better than a bar
        return items

    return wrap


class Command(BaseCommand):
    help = (
        "Generate benchmark data (DESIGN section 6 volumes times --scale) into a fresh, "
        "migrated database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplier of the volumes: 1 = 10,000 resources, 60 units, 2,000 pledges...",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")

    def handle(self, *args, scale: float, seed: int, **options):
        if scale <= 0:
            raise CommandError("--scale must be greater than 0, e.g. 0.1 or 1.")

        self.refuse_unless_fresh()
        verbosity = options.get("verbosity", 1)
        context = BuildContext(
            scale=scale, rng=random.Random(seed), progress=progress_bar(sys.stderr, verbosity)
        )
        self.say(verbosity, f"Generating benchmark data at scale {scale:g}:")
        started = time.perf_counter()
        # One line per data set, "[3/12] ...", with a tqdm bar under it for the long ones:
        # a bar of data sets redrawn on the same line would fight with tqdm's.
        with Progress(
            self.stdout, len(DATASETS), "Benchmark data", verbosity, terminal=False
        ) as progress:
            for dataset in DATASETS:
                label = f"{dataset.name} ({context.count(dataset.at_scale_one):,} at this scale)"
                progress.step(label)
                self.build(dataset, context, label, verbosity)
        self.say(
            verbosity,
            self.style.SUCCESS(
                f"Benchmark data ready in {time.perf_counter() - started:.1f} s "
                f"({sum(context.created.values()):,} rows)."
            ),
        )

    def say(self, verbosity: int, text: str) -> None:
        if verbosity:
            self.stdout.write(text)

    def build(self, dataset, context: BuildContext, label: str, verbosity: int) -> None:
        """Build one data set, or say why it is skipped."""
        missing = dataset.missing_models()
        if missing:
            self.say(verbosity, f"  skipped {label}: {', '.join(missing)} not installed yet")
            return
        if dataset.build is None:
            self.say(
                verbosity,
                self.style.WARNING(
                    f"  skipped {label}: its models exist but no builder is registered in "
                    "benchmarks/scenarios.py yet"
                ),
            )
            return
        step_started = time.perf_counter()
        with transaction.atomic():
            created = dataset.build(context)
        context.created[dataset.name] = created
        self.say(
            verbosity,
            f"  {dataset.name}: {created:,} rows in {time.perf_counter() - step_started:.1f} s",
        )

    def refuse_unless_fresh(self) -> None:
        from wagtail.models import Page, Site

        if Site.objects.filter(site_name=SITE_NAME).exists():
            raise CommandError(
                "This database already holds benchmark data. Use a fresh one: point "
                "DATABASE_URL at a new database and run migrate first (make bench does both)."
            )
        pages = Page.objects.filter(depth__gt=1).exclude(content_type__app_label="wagtailcore")
        if pages.exists():
            raise CommandError(
                "This database already has content (for example the demo intranet); the "
                "benchmark data goes into a fresh database. Point DATABASE_URL at a new "
                "database and run migrate first (make bench does both)."
            )
