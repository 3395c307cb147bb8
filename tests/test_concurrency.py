"""Transactions the database abandons to break a lock cycle are run again."""

from __future__ import annotations

import threading

import pytest
from django.db import OperationalError, connection

from tests.factories import OrganisationUnitFactory
from wagtail_allyship.concurrency import atomic_with_retries, is_retryable
from wagtail_allyship.units.models import OrganisationUnit

needs_server = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="a lock cycle needs row locks of a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)


class FakeDriverError(Exception):
    def __init__(self, *args, sqlstate=None):
        super().__init__(*args)
        self.sqlstate = sqlstate


def django_error(cause: Exception) -> OperationalError:
    error = OperationalError(str(cause))
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        (FakeDriverError(1213, "Deadlock found when trying to get lock"), True),
        (FakeDriverError(1205, "Lock wait timeout exceeded"), True),
        (FakeDriverError("deadlock detected", sqlstate="40P01"), True),
        (FakeDriverError("could not serialize access", sqlstate="40001"), True),
        (FakeDriverError(2006, "MySQL server has gone away"), False),
        (FakeDriverError("connection refused", sqlstate="08006"), False),
    ],
)
def test_only_abandoned_transactions_are_retryable(cause, expected):
    assert is_retryable(django_error(cause)) is expected


@pytest.mark.django_db
def test_other_errors_are_raised_at_once():
    attempts = []

    def work():
        attempts.append(1)
        raise django_error(FakeDriverError(2006, "MySQL server has gone away"))

    with pytest.raises(OperationalError):
        atomic_with_retries(work)
    assert len(attempts) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_abandoned_transaction_is_run_again_until_the_last_attempt():
    attempts = []

    def work():
        attempts.append(1)
        OrganisationUnitFactory(name=f"Unit {len(attempts)}")
        raise django_error(FakeDriverError(1213, "Deadlock found"))

    with pytest.raises(OperationalError):
        atomic_with_retries(work, attempts=3)
    assert len(attempts) == 3
    assert not OrganisationUnit.objects.exists(), "each abandoned attempt is rolled back"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@needs_server
def test_two_transactions_locking_in_opposite_orders_both_finish():
    first, second = OrganisationUnitFactory(name="First"), OrganisationUnitFactory(name="Second")
    both_hold_one = threading.Barrier(2)
    attempts = {"a": 0, "b": 0}
    errors = []

    def lock_in_order(label, pks):
        def work():
            attempts[label] += 1
            OrganisationUnit.objects.filter(pk=pks[0]).update(name=f"{label} 1")
            if attempts[label] == 1:
                both_hold_one.wait(timeout=10)
            OrganisationUnit.objects.filter(pk=pks[1]).update(name=f"{label} 2")

        try:
            atomic_with_retries(work)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=lock_in_order, args=("a", [first.pk, second.pk])),
        threading.Thread(target=lock_in_order, args=("b", [second.pk, first.pk])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(attempts.values()) == [1, 2], "the database abandoned one, which ran again"
