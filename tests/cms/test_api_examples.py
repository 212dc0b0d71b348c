"""The examples in the API documentation are real answers: each is requested here and compared.

The examples live in cms/api_examples/ and appear in /api/v1/openapi.json beside each response.
After a deliberate change to the API, rewrite them with `WRITE_API_EXAMPLES=1 pytest <this file>`
and review the diff like any other change to the contract.
"""

import json
import os
import re
from pathlib import Path

import pytest
import time_machine

from tests.cms import api_content

pytestmark = pytest.mark.django_db

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "cms" / "api_examples"

# name: (request, status). Names start with the operationId the example documents.
EXAMPLES = {
    "news_list": ("GET /api/v1/news?page_size=1", 200),
    "news_list-invalid": ("GET /api/v1/news?page_size=500", 400),
    "news_detail": ("GET /api/v1/news/{article}", 200),
    "news_detail-not-found": ("GET /api/v1/news/999999", 404),
    "news_by_slug": ("GET /api/v1/news/by-slug/tap-huan-chuyen-doi-so", 200),
    "categories": ("GET /api/v1/categories", 200),
    "procedures": ("GET /api/v1/procedures?level=commune", 200),
    "procedure_detail": ("GET /api/v1/procedures/1.012223", 200),
    "procedure_notices": ("GET /api/v1/procedure-notices", 200),
    "statistics": ("GET /api/v1/statistics?period=quarter", 200),
    "site": ("GET /api/v1/site", 200),
    "search_view": ("GET /api/v1/search?q=nguoi+co+uy+tin&size=2", 200),
    "search_view-invalid": ("GET /api/v1/search?q=x&sort=random", 400),
    "suggest_view": ("GET /api/v1/suggest?q=hoi+ngh", 200),
    "search_click-invalid": ('POST /api/v1/search/clicks {"q": "uy tín", "key": "uy-tin"}', 400),
    "changes_view": ("GET /api/v1/changes?limit=3", 200),
    "changes_view-invalid": ("GET /api/v1/changes?since=not-a-cursor", 400),
    "changes_view-gone": ("GET /api/v1/changes?since=YzEy", 410),
    "snapshot_view": ("GET /api/v1/changes/snapshot", 200),
    "preview": ("GET /api/v1/preview/{token}", 200),
    "preview-expired-or-damaged": ("GET /api/v1/preview/not-a-token", 400),
    "health": ("GET /api/v1/health", 200),
}

# What differs between runs on any database: ids, opaque cursors, the engine's version and backlog.
CONTENT_KEY = re.compile(r"\b(news|procedure|notice):\d+")
NUMBERED_PATH = re.compile(r"/(documents|news)/\d+")
VOLATILE_KEYS = {
    *("id", "object_id", "position", "version"),
    *("vendor", "waiting", "oldest_seconds", "cluster_status"),
}
OPAQUE_KEYS = {"next", "after", "cursor"}


def normalized(value, key=None):
    if isinstance(value, dict):
        return {name: normalized(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [normalized(item) for item in value]
    if key in VOLATILE_KEYS and value is not None:
        return f"<{key}>"
    if isinstance(value, str):
        if key in OPAQUE_KEYS and not value.startswith("http"):
            return "<cursor>"
        return NUMBERED_PATH.sub(r"/\1/<id>", CONTENT_KEY.sub(r"\1:<id>", value))
    return value


@pytest.fixture
def content(tmp_path, search_index):
    from django.contrib.auth import get_user_model

    from site_pages.previews import HeadlessPreview

    built = api_content.build(tmp_path)
    search_index.sync()
    draft = built["article"]
    draft.title = "Hội nghị người có uy tín năm 2025 (bản sửa)"
    editor = get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "x")
    with time_machine.travel(api_content.BUILT_AT, tick=False):
        snapshot = HeadlessPreview.store(draft, editor)
    return {"article": built["article"].pk, "token": snapshot.token}


def answer(client, content, name):
    request, status = EXAMPLES[name]
    method, target = request.split(" ", 1)
    with time_machine.travel(api_content.READ_AT, tick=False):
        if method == "POST":  # the JSON body follows the path
            path, body = target.split(" ", 1)
            response = client.post(path, body, content_type="application/json")
        else:
            response = client.get(target.format(**content))
    assert response.status_code == status, response.content[:500]
    return request, status, response.json()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_documented_example_is_what_the_api_answers(client, content, name):
    request, status, body = answer(client, content, name)
    example_file = EXAMPLES_DIR / f"{name}.json"
    if os.environ.get("WRITE_API_EXAMPLES"):
        example = {"request": request, "status": status, "response": body}
        example_file.write_text(json.dumps(example, ensure_ascii=False, indent=2) + "\n")
    example = json.loads(example_file.read_text())
    assert (example["request"], example["status"]) == (request, status)
    assert normalized(body) == normalized(example["response"])


def test_every_operation_is_documented_with_an_example():
    from cms.api import api

    schema = api.get_openapi_schema()
    missing = [
        operation["operationId"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        if not any(
            content.get("examples")
            for response in operation["responses"].values()
            for content in response.get("content", {}).values()
        )
    ]
    assert missing == []
    assert {path.stem for path in EXAMPLES_DIR.glob("*.json")} == set(EXAMPLES), (
        "stray or missing example files"
    )
