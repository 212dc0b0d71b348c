"""The shapes the API answers with: the OpenAPI document's response schemas, checked on every answer.

Dates stay the strings the serializers wrote (ISO 8601 with the +07:00 offset) rather than being
parsed and written again, so what a client sees is exactly what the serializer produced.
"""

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict

from search.query import COUNT_LIMIT

DateTime = Annotated[str, Field(json_schema_extra={"format": "date-time"})]
Day = Annotated[str, Field(json_schema_extra={"format": "date"})]
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]


class Strict(BaseModel):
    """Every answer is built from plain dicts (cms/serializers.py), so a plain pydantic model: django-
    ninja's Schema wraps every nested value to read attributes from model objects, which cost a search
    answer, with its dozens of hits and facet values, 1.5 ms (bench/search_latency.py)."""

    # An answer with a field the contract does not name is a bug in the API, not something to drop.
    model_config = ConfigDict(extra="forbid")


class Problem(Schema):
    type: str
    title: str = Field(description="In Vietnamese")
    title_en: str = Field(description="The same title in English")
    status: int
    instance: str
    detail: str | None = None
    errors: list[dict] | None = None


class SearchClick(Strict):
    q: str = Field(min_length=1, max_length=1000, description="The query as it was searched")
    key: str = Field(
        pattern=r"^(news|procedure|notice):\d{1,18}$",
        description="The clicked hit's `key`, e.g. procedure:12",
    )


class Rendition(Strict):
    url: Url
    width: int
    height: int


class Image(Strict):
    id: int
    alt: str
    credit: str
    renditions: dict[str, Rendition] = Field(description="thumbnail, card, hero and og sizes")


class CategoryRef(Strict):
    slug: str
    name: str


class Category(CategoryRef):
    description: str


class NewsSummary(Strict):
    id: int
    slug: str
    title: str
    summary: str
    url: Url
    display_date: DateTime | None
    last_published_at: DateTime | None
    categories: list[CategoryRef]
    tags: list[str]
    featured_image: Image | None


class ParagraphBlock(Strict):
    type: Literal["paragraph"]
    id: str | None
    html: str = Field(description="Clean HTML with absolute links")


class ImageBlock(Strict):
    type: Literal["image"]
    id: str | None
    image: Image | None
    caption: str
    credit: str


class QuoteBlock(Strict):
    type: Literal["quote"]
    id: str | None
    text: str
    attribution: str


class TableBlock(Strict):
    type: Literal["table"]
    id: str | None
    rows: list[list[str | None]]
    first_row_is_header: bool


class DocumentBlock(Strict):
    type: Literal["document"]
    id: str | None
    label: str
    url: Url | None
    file_size: int | None


Block = Annotated[
    ParagraphBlock | ImageBlock | QuoteBlock | TableBlock | DocumentBlock, Field(discriminator="type")
]


class PageRef(Strict):
    id: int
    title: str
    url: Url


class NewsDetail(NewsSummary):
    author: str
    source: str
    source_url: Url | None = Field(None, description="Where an imported article came from")
    body: list[Block]
    related: list[PageRef]


class NewsPage(Strict):
    count: int
    next: Url | None
    previous: Url | None
    results: list[NewsSummary]


class Procedure(Strict):
    id: int
    code: str
    name: str
    url: Url
    field: str | None
    level: str
    status: str
    status_changed_on: Day | None
    online_level: str
    handling_agency: str
    last_published_at: DateTime | None


class Step(Strict):
    name: str
    description: str


class Fee(Strict):
    amount: str | None = Field(description="A decimal number as text, in the currency given")
    currency: str
    description: str


class Channel(Strict):
    channel: str
    processing_time: str | None
    time_unit: str
    fees: list[Fee]
    note: str


class Form(Strict):
    title: str
    url: Url


class Component(Strict):
    name: str
    originals: int
    copies: int
    required: bool
    forms: list[Form]


class Case(Strict):
    name: str
    components: list[Component]


class LegalBasis(Strict):
    number: str
    title: str
    issuer: str
    issued_on: Day | None
    effective_on: Day | None


class ProcedureDetail(Procedure):
    authority: str
    coordinating_agencies: str
    where_to_submit: str
    applicants: str
    results: str
    requirements: str
    in_force_from: Day | None
    steps: list[Step]
    channels: list[Channel]
    cases: list[Case]
    legal_bases: list[LegalBasis]


class ProcedurePage(Strict):
    count: int
    next: Url | None
    previous: Url | None
    results: list[Procedure]


class NoticeEntry(Strict):
    code: str
    name: str
    change: str
    effective_on: Day | None


class Notice(Strict):
    id: int
    title: str
    url: Url
    decision_number: str
    decision_date: Day | None
    issuer: str
    signer: str
    entries: list[NoticeEntry]


class NoticePage(Strict):
    count: int
    next: Url | None
    previous: Url | None
    results: list[Notice]


class StatisticsRow(Strict):
    period: str
    period_start: Day
    field: str | None
    procedure: str | None
    carried_over: int
    received_in_person: int
    received_online: int
    received_postal: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    pending_within_deadline: int
    pending_overdue: int
    returned_or_withdrawn: int
    received: int
    resolved: int
    early_rate: str | None = Field(description="Percent as a decimal number in text")
    on_time_rate: str | None
    late_rate: str | None
    timely_rate: str | None


class StatisticsPage(Strict):
    count: int
    next: Url | None
    previous: Url | None
    results: list[StatisticsRow]


class Site(Strict):
    name: str
    short_name: str
    document_suffix: str
    address: str
    phone: str
    email: str
    url: Url
    languages: list[str]


class Hit(Strict):
    key: str
    type: Literal["news", "procedure", "notice"]
    title: str
    url: Url
    date: str | None
    codes: list[str]
    status: str | None
    promoted: bool = Field(
        description="Put first for this query by the agency's editors: only on the first page by "
        "relevance, above that page's other hits (which do not repeat it)"
    )
    highlight: dict[str, str] = Field(description="HTML fragments with <mark> around matches")


class FacetValue(Strict):
    value: str
    count: int


class SearchResults(Strict):
    hits: list[Hit]
    total: int
    total_relation: Literal["eq", "gte"] = Field(
        description=f'"gte" when more documents match than were counted: counting stops at {COUNT_LIMIT:,} '
        f"(`total`), and the facets then count those first {COUNT_LIMIT:,} matches"
    )
    facets: dict[str, list[FacetValue]]
    next: str | None = Field(description="Pass as `after` for the next page")
    suggestion: str | None = Field(description="Did you mean, when nothing matched")
    degraded: bool = Field(description="True when the database answered because the engine could not")
    intent: Literal["news", "procedure", "notice"] | None = Field(
        description='The content type the query\'s words name ("thủ tục …", "tin …"): such results '
        "rank higher, the others stay; offer it as a one-click `type` filter. Null when the query names "
        "none, a type is chosen already, or every result is of one type"
    )


class Suggestion(Strict):
    title: str
    url: Url
    type: Literal["news", "procedure", "notice"]


class Suggestions(Strict):
    suggestions: list[Suggestion]


# What the log follows: the three page types, and `site`, the agency's identity (GET /api/v1/site).
LoggedType = Literal["news", "procedure", "notice", "site"]


class ChangeEvent(Strict):
    id: str = Field(description="Permanent content key, `<type>:<id>`, e.g. news:42")
    type: LoggedType = Field(
        description="news, procedure or notice; `site` is the agency's identity and contacts "
        "(GET /api/v1/site), changed when an administrator edits them"
    )
    object_id: int = Field(description="The id in the key")
    action: Literal[
        "created",
        "changed",
        "published",
        "moved",
        "status-changed",
        "shared-changed",
        "unpublished",
        "expired",
        "deleted",
    ] = Field(description="What happened; `public` says what a mirror must do with the object")
    public: bool = Field(description="false: a tombstone, the object is not to be shown any more")
    version: int = Field(description="Grows by one with each event of this object")
    position: int = Field(description="The event's place in the log; grows by one, in commit order")
    at: DateTime
    api_url: Url | None = Field(description="The object's detail in this API, where it has one")


class Changes(Strict):
    events: list[ChangeEvent]
    next: str = Field(description="Opaque cursor: pass as `since` to continue")
    more: bool


class SnapshotObject(Strict):
    id: str
    type: LoggedType
    object_id: int
    version: int = Field(description="The version of its newest event")
    position: int = Field(description="The position of its newest event")
    api_url: Url | None


class Snapshot(Strict):
    cursor: str = Field(description="Follow /api/v1/changes from this cursor once every page is read")
    objects: list[SnapshotObject]
    more: bool = Field(description="Another page follows; ask for it with the same cursor")


class Health(Schema):
    status: Literal["ok", "unavailable"]
    database: dict
    search: dict


ERRORS = {400: Problem, 404: Problem}
