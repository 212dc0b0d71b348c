"""Answers built outside an endpoint's return value: problem documents (RFC 7807), in which every
error of the API is told in Vietnamese and English, and JSON bodies a view makes itself.

Rendered as the API renders every answer, so the bytes do not depend on who built them.
"""

from django.http import HttpResponse
from ninja.renderers import JSONRenderer

PROBLEM_CONTENT_TYPE = "application/problem+json"

# Titles in Vietnamese for people, with the English beside them for integrators and their logs.
TITLES_VI = {
    "Invalid request": "Yêu cầu không hợp lệ",
    "Invalid search": "Yêu cầu tìm kiếm không hợp lệ",
    "Invalid cursor": "Con trỏ không hợp lệ",
    "Cursor no longer available": "Con trỏ không còn hiệu lực",
    "Not found": "Không tìm thấy",
    "Service unavailable": "Dịch vụ tạm thời gián đoạn",
    "Invalid preview token": "Mã xem trước không hợp lệ",
    "Preview expired": "Bản xem trước đã hết hạn",
    "Method not allowed": "Phương thức không được hỗ trợ",
}


def problem(request, status, title, detail=None, **extra):
    body = {
        "type": "about:blank",
        "title": TITLES_VI.get(title, title),
        "title_en": title,
        "status": status,
        "instance": request.path,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    return json_response(request, body, status, content_type=PROBLEM_CONTENT_TYPE)


def json_response(request, body, status=200, content_type="application/json; charset=utf-8"):
    rendered = JSONRenderer().render(request, body, response_status=status)
    return HttpResponse(rendered, status=status, content_type=content_type)
