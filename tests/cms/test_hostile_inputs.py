"""What a crawler or an attacker throws at the public API and the search page never breaks them: every
answer is a 200 or a 4xx problem document (an understandable page on the HTML side), never a 500, and
never a stack trace.

Two choices: a method an endpoint does not take (POST, PUT, DELETE, OPTIONS to the read-only API) is a
405 problem document with the Allow header, not ninja's bare text/html 405; and `Accept:
application/xml` is answered in JSON, the API's only representation, rather than with a 406.

Each case sends one kind of hostile input to every place that takes it; raw strings are sent as they
would arrive on the wire (already percent-encoded), so invalid UTF-8 reaches the server undecoded.
"""

import base64
import functools
import json

import pytest
import time_machine
from django.db import connection

from tests.cms import api_content

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
HUGE = "a" * 100_000

# Free text, percent-encoded as a client would send it.
TEXTS = {
    "huge": HUGE,
    "query syntax": "%22%5C*~()%3A%5E%5B%7B%2F AND OR NOT",
    "unbalanced quotes and brackets": "%22ng%C6%B0%E1%BB%9Di%20c%C3%B3%20(uy%20t%C3%ADn%5D%7B",
    "regex and wildcards": "%2F.*%2F%20%3F%20ng*%20~2%20a%5E100",
    "lucene field syntax": "title%3A*%20OR%20_id%3A1%20%7C%7C%20%26%26%20!",
    "json": "%7B%22query%22%3A%7B%22match_all%22%3A%7B%7D%7D%7D",
    "null byte": "a%00b",
    "only a null byte": "%00",
    "invalid utf-8": "%C3%28%FF%FE",
    "lone surrogate (CESU-8)": "%ED%A0%80",
    "overlong encoding": "%C0%AF",
    "nfd vietnamese": "nguo%CC%9B%CC%80i%20co%CC%81%20uy%20ti%CC%81n",
    "latin-1 bytes": "ng%F0%F4i",
    "control characters": "%01%02%1B%5B31m%7F",
    "html": "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "whitespace only": "%20%09%0A",
    "emoji and rtl": "%F0%9F%94%A5%E2%80%AE%D8%A7",
}

NUMBERS = ["0", "-1", str(10**30), "abc", "1.5", "", "1e3", "%00", "%EF%BC%91", "%D9%A1", "0x10", "NaN"]

# Everything that takes free text.
TEXT_PARAMETERS = [
    "/api/v1/search?q={}",
    "/api/v1/search?q=x&category={}&field={}&agency={}&type={}",
    "/api/v1/search?q=x&sort={}",
    "/api/v1/search?date_from={}",
    "/api/v1/suggest?q={}",
    "/api/v1/news?category={}&tag={}",
    "/api/v1/news?date_from={}",
    "/api/v1/news?updated_since={}",
    "/api/v1/procedures?field={}&agency={}",
    "/api/v1/procedures?level={}",
    "/api/v1/statistics?period={}",
]
PATH_SEGMENTS = [
    "/api/v1/news/by-slug/{}",
    "/api/v1/news/{}",
    "/api/v1/procedures/{}",
    "/api/v1/preview/{}",
    "/api/v1/{}",
]
NUMBER_PARAMETERS = [
    "/api/v1/news?page={}",
    "/api/v1/news?page_size={}",
    "/api/v1/procedures?page={}&page_size={}",
    "/api/v1/procedure-notices?page={}&page_size={}",
    "/api/v1/statistics?page={}&page_size={}",
    "/api/v1/search?q=x&size={}",
    "/api/v1/changes?limit={}",
    "/api/v1/news/{}",
]


def forged(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


TOKENS = [
    "x",
    "%00",
    "%C3%28",
    HUGE,
    "====",
    "not-base64!",
    forged("a string"),
    forged({"a": 1}),
    forged([]),
    forged([None, None]),
    forged([1e308, "x", {"nested": [1]}]),
    forged(["a"] * 10_000),
    forged([10**30, 10**30]),
    forged([[[[[[[[[[[]]]]]]]]]]]),
    base64.urlsafe_b64encode(b"[" * 5000 + b"]" * 5000).decode(),
    "eyJ.eyJ.sig",
    "a:b:c",
]
TOKEN_PLACES = [
    "/api/v1/changes?since={}",
    "/api/v1/search?q=x&after={}",
    "/api/v1/search?q=x&sort=date&after={}",
    "/api/v1/preview/{}",
]

ENDPOINTS = [
    "/api/v1/categories",
    "/api/v1/changes",
    "/api/v1/health",
    "/api/v1/news",
    "/api/v1/news/by-slug/hoi-nghi-nguoi-co-uy-tin-2025",
    "/api/v1/news/1",
    "/api/v1/preview/x",
    "/api/v1/procedure-notices",
    "/api/v1/procedures",
    "/api/v1/procedures/1.012223",
    "/api/v1/search?q=uy+t%C3%ADn",
    "/api/v1/site",
    "/api/v1/statistics",
    "/api/v1/suggest?q=h",
]


def fill(template, value):
    return template.replace("{}", value)


def requests_for(kind):
    """(method, url, extra) triples for one kind of hostile input."""
    if kind == "free text":
        urls = [fill(t, text) for t in TEXT_PARAMETERS for text in TEXTS.values()]
        urls += [f"/tim-kiem/?q={text}" for text in TEXTS.values()]
        urls += [f"/tim-kiem/?q=x&category={text}" for text in TEXTS.values()]
        return [("get", url, {}) for url in urls]
    if kind == "path segments":
        segments = [text for name, text in TEXTS.items() if name != "huge"] + ["a" * 5000, "..%2F..%2Fetc"]
        urls = [fill(t, s) for t in PATH_SEGMENTS for s in segments]
        urls += [f"/feeds/news/{s}.atom" for s in segments] + [f"/{s}/" for s in segments]
        return [("get", url, {}) for url in urls]
    if kind == "numbers out of range":
        return [("get", fill(t, n), {}) for t in NUMBER_PARAMETERS for n in NUMBERS]
    if kind == "forged tokens":
        urls = [fill(t, token) for t in TOKEN_PLACES for token in TOKENS]
        urls += [f"/tim-kiem/?q=x&after={token}" for token in TOKENS]
        urls += [f"/tim-kiem/?q=x&sort=date&after={token}" for token in TOKENS]
        urls += [f"/tim-kiem/?q=x&after=x&back={token}" for token in TOKENS]
        return [("get", url, {}) for url in urls]
    if kind == "repeated parameters":
        urls = [
            "/api/v1/search?q=a&q=b&sort=date&sort=relevance&size=1&size=2",
            "/api/v1/news?page=1&page=2&page_size=1&page_size=500&category=a&category=b",
            "/api/v1/changes?since=a&since=b&limit=1&limit=2",
            "/api/v1/suggest?q=a&q=b",
            "/api/v1/statistics?period=month&period=year",
            "/tim-kiem/?q=a&q=b&sort=date&sort=x&after=a&after=b" + "&back=x" * 500,
            "/api/v1/search?q=x" + "&category=a" * 2000,
            "/tim-kiem/?q=x" + "&category=a" * 2000,
        ]
        return [("get", url, {}) for url in urls]
    if kind == "very long paths":
        urls = [
            "/api/v1/" + "x/" * 5000,
            "/api/v1/news/by-slug/" + "a" * 100_000,
            "/api/v1/procedures/" + "1." * 20_000,
            "/tim-kiem/" + "a/" * 5000,
            "/" + "tin-tuc/" * 2000,
            "/feeds/news/" + "a" * 10_000 + ".rss",
        ]
        return [("get", url, {}) for url in urls]
    if kind == "bodies and methods":
        bodies = [b'{"q": "x"}', b"{" * 10_000, b"[" * 100_000, b"\xff\xfe\x00", b'{"a": ' * 5000]
        calls = [("get", url, {"data": body}) for url in ENDPOINTS for body in bodies[:2]]
        methods = ("post", "put", "delete", "options")
        calls += [(method, url, {"data": bodies[0]}) for url in ENDPOINTS for method in methods]
        calls += [("patch", url, {"data": body}) for url in ENDPOINTS[:3] for body in bodies]
        return calls
    if kind == "accept xml":
        return [("get", url, {"HTTP_ACCEPT": "application/xml"}) for url in ENDPOINTS]
    raise AssertionError(kind)


KINDS = [
    "free text",
    "path segments",
    "numbers out of range",
    "forged tokens",
    "repeated parameters",
    "very long paths",
    "bodies and methods",
    "accept xml",
]


@pytest.fixture
def content(tmp_path, search_index, settings):
    settings.API_RATE_LIMIT = (0, 60)  # one client sending hundreds of requests
    api_content.build(tmp_path)
    search_index.sync()
    with time_machine.travel(api_content.READ_AT, tick=False):
        yield


def send(client, method, url, extra):
    data = extra.pop("data", None)
    if data is None:
        return client.generic(method.upper(), url, **extra)
    return client.generic(method.upper(), url, data=data, content_type="application/json", **extra)


def watch_for_nul(found, execute, sql, params, many, context):
    """SQLite stores a NUL in text; PostgreSQL, in production, raises on one: a server error there."""
    rows = params if many else [params]
    if any(isinstance(value, str) and "\x00" in value for row in rows or [] for value in row or []):
        found.append(sql)
    return execute(sql, params, many, context)


def misbehaviour(method, url, response, expected_status=None):
    """What is wrong with an answer, or None."""
    body = response.content
    status = response.status_code
    content_type = response.get("Content-Type", "")
    if status >= 500:
        return f"{status}"
    if b"Traceback" in body or b'File "/' in body:
        return "stack trace in the body"
    api = url.startswith("/api/")
    if api:
        if status == 200:
            if content_type != "application/json; charset=utf-8":
                return f"200 as {content_type}"
            if url.startswith("/api/v1/search") and json.loads(body)["degraded"]:
                return "the engine refused the query, answered from the database instead"
        elif 400 <= status < 500:
            if status == 405 and "GET" not in response.get("Allow", ""):
                return "405 without an Allow header naming GET"
            if content_type != PROBLEM:
                return f"{status} as {content_type}: {body[:120]!r}"
            problem = json.loads(body)
            if problem.get("status") != status or not problem.get("title"):
                return f"{status} with a problem that does not say so: {problem}"
        else:
            return f"unexpected {status}"
    elif status not in (200, 400, 404) and not (300 <= status < 400):
        return f"unexpected {status}"
    elif status in (200, 400, 404) and "html" not in content_type and "xml" not in content_type:
        return f"{status} as {content_type}"
    elif url.startswith("/tim-kiem/") and status == 400 and b"alert--warning" not in body:
        return "a 400 search page without the explanation and the way back"
    if expected_status and status != expected_status:
        return f"{status}, expected {expected_status}"
    return None


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_inputs_get_an_answer_not_a_server_error(kind, client, content):
    client.raise_request_exception = False  # a server error is collected with the others, not raised
    wrong = []
    for method, url, extra in requests_for(kind):
        nul_queries = []
        with connection.execute_wrapper(functools.partial(watch_for_nul, nul_queries)):
            response = send(client, method, url, dict(extra))
        if nul_queries:
            wrong.append(f"{method.upper()} {url[:100]} → a NUL character reached the database")
        # Every forged token is one this site never gave: the client is told so, never served a guess.
        problem = misbehaviour(method, url, response, 400 if kind == "forged tokens" else None)
        if problem:
            wrong.append(f"{method.upper()} {url[:100]} → {problem}")
    assert not wrong, "\n".join(wrong)


def test_a_method_the_api_does_not_take_is_a_405_problem_naming_the_one_it_does(client):
    response = client.post("/api/v1/news", data=b'{"title": "x"}', content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "about:blank",
        "title": "Phương thức không được hỗ trợ",
        "title_en": "Method not allowed",
        "status": 405,
        "instance": "/api/v1/news",
        "detail": "This endpoint takes GET only",
    }
