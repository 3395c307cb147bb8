"""Allies taking a circle's last places at the same moment: the circle never overfills."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.circles.conftest import make_ally, make_circle
from wagtail_allyship.circles import rules
from wagtail_allyship.circles.models import CircleMembership, CircleRequest

SERVER_ONLY = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="real concurrent transactions need a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)


def race(work, arguments) -> tuple[list, list]:
    """Run ``work`` for each argument in its own thread, all at once; (results, refusals)."""
    barrier = threading.Barrier(len(arguments))
    results, refusals, errors = [], [], []

    def run(argument):
        try:
            barrier.wait(timeout=10)
            results.append(work(argument))
        except rules.CircleRefused as refusal:
            refusals.append(refusal.message)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results, refusals


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@SERVER_ONLY
def test_placing_many_at_once_fills_the_circle_and_no_more():
    circle = make_circle("Race", members=[make_ally(f"in{n}") for n in range(2)], max_size=4)
    placed, refused = race(
        lambda user: rules.place(circle.pk, user), [make_ally(f"racer{n}") for n in range(6)]
    )
    assert len(placed) == 2 and len(refused) == 4
    assert all("is full" in message for message in refused)
    assert CircleMembership.objects.filter(circle=circle).count() == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@SERVER_ONLY
def test_asking_twice_at_once_makes_one_request():
    circle = make_circle("Twice")
    ally = make_ally("double")
    made, refused = race(lambda _n: rules.ask_to_join(circle.pk, ally), [0, 1, 2, 3])
    assert len(made) == 1 and len(refused) == 3
    assert all("already asked" in message for message in refused)
    assert CircleRequest.objects.filter(circle=circle, user=ally).count() == 1
