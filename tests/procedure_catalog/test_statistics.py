"""Rates are computed from counts, with the edge cases a report meets."""

import datetime
from decimal import Decimal

import pytest

from procedure_catalog.dossier_statistics import DossierStatistics


def stats(**counts):
    return DossierStatistics(period_kind="quarter", period_start=datetime.date(2025, 1, 1), **counts)


def test_nothing_received_or_resolved_has_no_rates():
    row = stats()
    assert row.received == 0 and row.resolved == 0
    assert (row.early_rate, row.on_time_rate, row.late_rate, row.timely_rate) == (None, None, None, None)


def test_all_late():
    row = stats(received_online=3, resolved_late=3)
    assert row.late_rate == Decimal("100.00")
    assert row.on_time_rate == Decimal("0.00") and row.early_rate == Decimal("0.00")
    assert row.timely_rate == Decimal("0.00")


def test_carried_over_dossiers_count_toward_the_workload_not_received():
    row = stats(carried_over=2, received_in_person=10, received_online=5, received_postal=1)
    assert row.received == 16 and row.to_handle == 18


def test_rates_round_half_up_and_early_plus_on_time_is_timely():
    row = stats(received_in_person=3, resolved_early=1, resolved_on_time=1, resolved_late=1)
    assert (row.early_rate, row.on_time_rate, row.late_rate) == (
        Decimal("33.33"),
        Decimal("33.33"),
        Decimal("33.33"),
    )
    assert row.timely_rate == Decimal("66.67")


def test_2018_half_year_report_reads_as_the_agency_published_it():
    row = stats(received_in_person=12, resolved_on_time=12)
    assert row.received == 12 and row.timely_rate == Decimal("100.00")


@pytest.mark.django_db
def test_one_row_per_period_and_scope():
    from django.db import IntegrityError, transaction

    stats(received_online=1).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        stats(received_online=2).save()
