"""The search log keeps what citizens looked for, and nothing that says who they are."""

import datetime

import pytest

from search.analytics import SearchQueryDay
from search.query_log import normalised_query

pytestmark = pytest.mark.django_db


def test_the_table_holds_only_the_day_the_query_and_counts():
    columns = {field.name for field in SearchQueryDay._meta.get_fields()}
    assert columns == {"id", "day", "query", "searches", "zero_results", "hits", "clicks"}
    day = SearchQueryDay._meta.get_field("day")
    assert day.get_internal_type() == "DateField"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Gọi 0912 345 678 hỏi thủ tục", "gọi [số điện thoại] hỏi thủ tục"),
        ("số 0912.345.678", "số [số điện thoại]"),
        ("+84 912 345 678", "[số điện thoại]"),
        ("liên hệ 0212 3852 025", "liên hệ [số điện thoại]"),
        ("gửi Nguyen.Van.A@gmail.com giúp", "gửi [email] giúp"),
        ("cccd 034095001234 bị mất", "cccd [số giấy tờ] bị mất"),
        ("cmnd 123456789", "cmnd [số giấy tờ]"),
        ("sđt 0912345678/0987654321", "sđt [số điện thoại]/[số điện thoại]"),
    ],
)
def test_personal_data_in_a_query_is_redacted(typed, stored):
    assert normalised_query(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "1.012223",
        "thủ tục 1.012223.h56",
        "12/2018/qđ-ttg",
        "1805/qđ-ubnd năm 2025",
        "lệ phí 1.500.000 đồng",
        "thủ tục 1.012223 1.012224",
    ],
)
def test_codes_document_numbers_and_amounts_are_kept(typed):
    assert normalised_query(typed) == typed


def test_a_query_is_stored_composed_lower_case_with_single_spaces_and_bounded():
    decomposed = "THU\u0309  TU\u0323C\t  ĐĂNG KÝ"
    assert normalised_query(decomposed) == "thủ tục đăng ký"
    assert len(normalised_query("a" * 500)) == 200


def test_a_day_holds_no_time_of_day(search_log):
    search_log.record("uy tín", hits=3)
    search_log.flush()
    row = SearchQueryDay.objects.get()
    assert type(row.day) is datetime.date


def test_punctuation_around_a_query_makes_no_row_of_its_own():
    from search.query_log import normalised_query

    assert normalised_query("  Khen   thưởng!! ") == normalised_query("khen thưởng.") == "khen thưởng"
    assert normalised_query("12/2018/QĐ-TTg") == "12/2018/qđ-ttg"
