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


@pytest.mark.django_db
def test_statistics_csv_is_upserted_and_bad_rows_explained(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    from procedure_catalog.models import ProcedureField

    ProcedureField.objects.create(name="Công tác dân tộc")
    path = tmp_path / "mot-cua.csv"
    path.write_text(
        "period_kind,period_start,field,procedure_code,received_online,resolved_on_time,resolved_late\n"
        "quarter,1/1/2025,Công tác dân tộc,,4,3,1\n"
        "quarter,2025-04-01,,,2,2,0\n"
        "quarter,2025-07-01,Không có,,1,1,0\n"
        "quarter,2025-10-01,,,-1,0,0\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("import_statistics", str(path), stdout=out, stderr=err)
    call_command("import_statistics", str(path), stdout=StringIO(), stderr=StringIO())

    assert "saved 2, rejected 2" in out.getvalue()
    assert "row 4 [field]" in err.getvalue() and "row 5 [received_online]" in err.getvalue()
    assert DossierStatistics.objects.count() == 2
    row = DossierStatistics.objects.get(field__name="Công tác dân tộc")
    assert row.late_rate == Decimal("25.00")
