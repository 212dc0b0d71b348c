"""The rule the admin walk reads screens with: it flags what a Vietnamese reader sees as broken
and nothing they read as normal."""

import unicodedata

import pytest

from .visible_language import problems_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tên người dùng Tên đăng nhậpkhông trùng", [("joined", "nhậpkhông")]),
        ("Phê chuẩnvà Xuất bản", [("joined", "chuẩnvà")]),
        ("Cập nhật 5 seconds ago", [("english", "seconds"), ("english", "ago")]),
        ("Password", [("english", "Password")]),
        ("Chủ sở hữu: None", [("english", "None")]),
        ("Lưu vàGửi duyệt", [("joined", "vàGửi")]),
        ("Go to the page", [("english", "Go"), ("english", "to"), ("english", "the"), ("english", "page")]),
    ],
)
def test_broken_text_is_found(text, expected):
    assert [(p.kind, p.word) for p in problems_in(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị tổng kết công tác dân tộc năm 2025 của Sở Dân tộc và Tôn giáo tỉnh Sơn La",
        unicodedata.normalize("NFD", "Thủ tục đăng ký sinh hoạt tôn giáo tập trung"),
        "Mã 1.012223.H56 theo 12/2018/QĐ-TTg, UBND xã, tệp hoi-nghi.jpg, bientap@example.gov.vn",
        "Xem https://sdttg.sonla.gov.vn/tin-tuc/ – trang web của Sở, menu Wagtail, địa chỉ email",
        "Người có uy tín dân tộc H'Mông, Khơ Mú, Thái; quyết định, nghiên cứu, khuyến khích, nguyễn",
        "An toàn thông tin; In; Tin mới nhất; gì; quốc; giường; ngoằn ngoèo; khuỷu",
        "Sở đạt 92,14 điểm chỉ số \"PAR Index\"; trang 'Home page' đã được tạo",
    ],
)
def test_vietnamese_and_codes_pass(text):
    assert problems_in(text) == []
