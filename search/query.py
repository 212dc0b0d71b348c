"""The search service behind the API and the public pages.

User text only ever reaches the engine as the text of match queries and terms, never as query
syntax. Exact-diacritic matches outscore folded ones, codes and document numbers go to the top,
and when the engine cannot answer the database does, marked `degraded`.
"""

import base64
import binascii
import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from opensearchpy.exceptions import RequestError, TransportError

from .client import get_client
from .degraded import database_search
from .documents import alias_name
from .promotions import with_promotions
from .rewrites import MAX_VARIANTS, query_variants
from .spelling import correction, suggester
from .spelling import wanted as spelling_wanted
from .sync import ENGINE_ERRORS
from .understanding import understand

MAX_PAGE_SIZE = 50
FILTERS = ["type", "categories", "field", "level", "agency", "status", "online_level"]
CODE_LIKE = re.compile(r"^\S*\d\S*[./-]\S*$")  # 1.012223.H56, 12/2018/QĐ-TTg, 1805/QĐ-UBND
# Fewer documents than this with every syllable typed, and the query is asked again with most of them.
RELAX_BELOW = 10
# "Most of them". All but one lost a judged answer of the example query "thu tuc cong nhan nguoi co
# uy tin": the procedure named "Công nhận người có uy tín..." never says "thủ tục", the two syllables
# citizens type before a procedure's name (bench/relevance/run.py).
# Of two words, "most" is both: one alone widened "hộ chiếu" to every text with "hồ sơ".
RELAXED_MINIMUM = "2<75%"
# What naming a kind of content ("thủ tục", "tin") multiplies that kind's score by: enough to lift
# it over other kinds that match as well, not over much better matches.
INTENT_FACTOR = 1.5
# The ranking clauses (marks as typed, syllable order) re-score this many of the best hits by the
# matching clauses; hits beyond it follow in the matching clauses' order. Every page uses the same
# window, so the pages are one order: a deeper page that widened it would reorder hits an earlier
# page already showed, and show some twice and others never. On the generated 100,000
# documents, 200 kept 96.8 % of the top ten's score under full ranking, 1,000 kept 98.6 % (98.5 %
# with RECENCY) at 8 % more time, 2,000 98.9 % at 20 % more.
RESCORE_WINDOW = 1000
# Among hits of equal relevance the newer first: a hundredth of a point at most, halving with each
# year of age, which only orders what would otherwise tie (relevance scores here are in the tens).
# A document without a date counts as new.
RECENCY = {
    "function_score": {
        "functions": [{"exp": {"date": {"origin": "now", "scale": "365d", "decay": 0.5}}}],
        "boost": 0.01,
        "boost_mode": "replace",
    }
}
# The engine's index.max_result_window: results by relevance are paged by offset, up to here.
MAX_OFFSET = 10_000
# The total and the facets count a query's first this many matches and stop: beyond, the total is a
# lower bound (relation "gte", as the engine's own hits.total says it) and the facets count those
# first matches. No page past MAX_OFFSET can be shown anyway. Counting every match was the part of
# search that grew with the corpus: on the generated 100,000 documents the median query matched 41 %
# of them, and stopping here took a quarter off search's p50 there and a third off its p95
# (bench/scaling_variants.py). A query matching fewer counts exactly, as every query does on a
# corpus smaller than this.
COUNT_LIMIT = MAX_OFFSET
HIGHLIGHT_FIELDS = ["title", "title.folded", "summary", "summary.folded", "body", "body.folded"]
# What every document built by search/documents.py has, and every answer shows.
REQUIRED = ("key", "type", "title", "url")

logger = logging.getLogger(__name__)


class InvalidSearch(ValueError):
    pass


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    size: int = 10
    after: str | None = None

    def __post_init__(self):
        # A NUL is no part of any word, and the database search (when the engine is down) would pass it
        # to PostgreSQL, which refuses one in text with an error.
        self.q = unicodedata.normalize("NFC", self.q or "").replace("\x00", " ").strip()[:200]
        if not 1 <= self.size <= MAX_PAGE_SIZE:
            raise InvalidSearch(f"size must be between 1 and {MAX_PAGE_SIZE}")
        if self.sort not in ("relevance", "date"):
            raise InvalidSearch("sort must be 'relevance' or 'date'")
        unknown = set(self.filters) - set(FILTERS)
        if unknown:
            raise InvalidSearch(f"unknown filters: {', '.join(sorted(unknown))}")
        self.cursor = decode_cursor(self.after, self) if self.after else Cursor()

    @property
    def by_relevance(self):
        return bool(self.q) and self.sort == "relevance"


@dataclass
class Cursor:
    """Where a page starts: an offset into results by relevance, or the sort values after which
    results by date go on; and whether the first page had to relax the query."""

    offset: int = 0
    after: list | None = None
    relaxed: bool = False


@dataclass
class SearchResponse:
    hits: list
    total: int
    facets: dict
    next: str | None = None
    suggestion: str | None = None
    degraded: bool = False
    total_relation: str = "eq"  # "gte": at least `total` match, counting stopped at COUNT_LIMIT
    intent: str | None = None  # the content type the query's words name, to offer as a filter


def search(request):
    try:
        return engine_search(request)
    except RequestError as error:
        # The engine refused the query itself: with a forged `after` of the right shape but wrong
        # types that is the client's mistake, not an outage to hide behind the database search.
        if request.after:
            raise InvalidSearch("after is not a token this service gave") from error
        return database_search(request)
    except ENGINE_ERRORS:
        return database_search(request)


def engine_search(request):
    answer, relaxed = engine_answer(request)
    hits = [present(hit) for hit in well_formed(answer["hits"]["hits"], REQUIRED)]
    if request.by_relevance and not request.after:
        hits = with_promotions(request, hits, alias_name())
    total, relation = answer["hits"]["total"]["value"], answer["hits"]["total"]["relation"]
    facets = {
        name: [
            {"value": bucket["key"], "count": bucket["doc_count"]}
            for bucket in answer["aggregations"][name]["buckets"]
        ]
        for name in FILTERS
    }
    # Asked only when no document had every word (engine_answer).
    suggestion = None
    if "suggest" in answer:
        suggestion = correction(request.q, answer["suggest"], candidate_answers(request))
    return SearchResponse(
        hits,
        total,
        facets,
        next_token(request, answer, relaxed),
        suggestion,
        total_relation=relation,
        intent=offered_intent(request, facets),
    )


def offered_intent(request, facets):
    """The kind of content the query names, when choosing it would narrow the results: not when
    the type is chosen already, nor when no result is of that kind."""
    if not request.q or request.filters.get("type"):
        return None
    named = understand(request.q).intents
    found = {bucket["value"] for bucket in facets["type"]}
    return named[0] if named and named[0] in found and len(found) > 1 else None


def engine_answer(request, index=None):
    """The engine's answer and whether it came from the relaxed query: first every syllable typed
    must match; only when fewer than RELAX_BELOW documents have them all is the query asked again
    with most of them. A later page is asked the way its first page was, which its token records."""
    index = index or alias_name()
    if request.after:
        return ask(index, request, request.cursor.relaxed), request.cursor.relaxed
    answer = ask(index, request, relaxed=False)
    strict_total = answer["hits"]["total"]["value"]
    if strict_total >= RELAX_BELOW or not request.q:
        return answer, False
    # Only an answer with no hits shows a suggestion, and the relaxed query finds nothing only when
    # the strict one found nothing too. The suggester took a fifth of the relaxed counting's time on
    # 100,000 documents, and that engine time went to waste whenever the strict query found something.
    return ask(index, request, relaxed=True, suggest=strict_total == 0 and spelling_wanted(request.q)), True


def ask(index, request, relaxed, suggest=False):
    """The page of hits and the total with the facets, asked together: the hits need only the best
    documents, which the engine finds without scoring every match with every ranking clause, while
    the total and the facets count every match, unscored, and are kept by the engine's request cache
    for the next reader of the same query until the index changes. One answer, shaped as one
    search's."""
    hits_body, counts_body = search_bodies(request, relaxed, suggest)
    lines = [{"index": index}, hits_body, {"index": index}, counts_body]
    hits, counts = (checked(part) for part in get_client().msearch(body=lines)["responses"])
    total = counts["hits"]["total"]
    if counts.get("terminated_early"):
        # The facets stopped at COUNT_LIMIT; the engine's total sometimes did not (it can count some
        # queries without visiting the matches). The answer reports the matches both counted.
        total = {"value": min(total["value"], COUNT_LIMIT), "relation": "gte"}
    hits["hits"]["total"] = total
    hits["aggregations"] = counts["aggregations"]
    if "suggest" in counts:
        hits["suggest"] = counts["suggest"]
    return hits


def checked(part):
    """A multi-search reports each search's failure in its answer; raised as a single search's."""
    if "error" not in part:
        return part
    status, error = part.get("status", 500), part["error"]
    kind = RequestError if status == 400 else TransportError
    raise kind(status, error.get("type", "error") if isinstance(error, dict) else str(error), error)


def search_bodies(request, relaxed=False, suggest=False):
    recall, rank = text_query(request.q, relaxed)
    hits = {
        "query": {"bool": {"must": [recall], "filter": [*filter_clauses(request), unexpired()]}},
        "size": request.size,
        "track_total_hits": False,
        "_source": ["key", "type", "title", "url", "date", "codes", "status", "field", "categories"],
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {name: {"number_of_fragments": 1, "fragment_size": 160} for name in HIGHLIGHT_FIELDS},
            # The ranking clauses too: they are what marks the exact fields ("dân", not "dần").
            # And every word kept of a question, function words included ("người có uy tín").
            "highlight_query": {"bool": {"should": [recall, *rank, *highlight_words(request.q)]}},
        },
    }
    if request.by_relevance:
        hits["from"] = request.cursor.offset
        hits["rescore"] = [
            {
                "window_size": RESCORE_WINDOW,
                "query": {"rescore_query": {"bool": {"should": [*rank, RECENCY]}}},
            },
            *intent_rescore(request.q),
        ]
    else:
        hits["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, {"key": "asc"}]
        if request.cursor.after:
            hits["search_after"] = request.cursor.after
    counts = {
        # Unscored: the facets count what the hits query matches, without ranking any of it.
        "query": {"bool": {"filter": [recall, *filter_clauses(request), unexpired(cacheable=True)]}},
        "size": 0,
        "track_total_hits": True,
        "terminate_after": COUNT_LIMIT,
        "aggs": {name: {"terms": {"field": name, "size": 50}} for name in FILTERS},
    }
    if request.q and suggest:
        counts["suggest"] = suggester(request.q)
    return hits, counts


def next_token(request, answer, relaxed):
    found = answer["hits"]["hits"]
    if len(found) < request.size:
        return None
    if not request.by_relevance:
        return encode_cursor({"after": found[-1]["sort"]}, relaxed)
    offset = request.cursor.offset + request.size
    total = answer["hits"]["total"]
    # A total that is only a lower bound says nothing of where the hits end.
    if (total["relation"] == "eq" and offset >= total["value"]) or offset + request.size > MAX_OFFSET:
        return None
    return encode_cursor({"from": offset}, relaxed)


def text_query(q, relaxed=False):
    """The clauses that decide which documents match, and those that only rank them. Matching is
    on the folded clauses: every syllable typed (with typo tolerance for longer syllable runs), an
    abbreviation's expansion, or a code; relaxed, also most of the syllables typed. The clauses on
    marks as typed and on syllable order re-score the best matches (RESCORE_WINDOW).

    Folded Vietnamese syllables are few and common ("co" is có, cơ, cô, cỏ, cổ...), so "most of
    the syllables" of a five-word query is in nearly every text: asked at once, the engine counted,
    scored and faceted nine documents in ten for an ordinary query, and search slowed in step with
    the corpus (bench/scaling.py). engine_answer() asks the relaxed query only when the strict one
    finds too little, which is also when a citizen needs it: a typo in a short syllable ("tinn"),
    or a word the text does not have."""
    if not q:
        return {"match_all": {}}, []
    understood = understand(q)
    words, phrase = understood.content, understood.phrase
    recall = [
        # Folded, with typo tolerance for longer syllable runs.
        {
            "multi_match": {
                "query": words,
                "fields": ["title.folded^4", "summary.folded^2", "body.folded"],
                "type": "best_fields",
                "operator": "and",
                "fuzziness": "AUTO:6,12",
                "prefix_length": 1,
            }
        },
    ]
    if relaxed:
        # Across fields: a question's words are in the title and the papers a procedure asks for.
        recall.append(
            {
                "multi_match": {
                    "query": words,
                    "fields": ["title.folded^2", "summary.folded", "body.folded"],
                    "type": "cross_fields",
                    "minimum_should_match": RELAXED_MINIMUM,
                    "boost": 0.5,
                }
            }
        )
    rank = [
        # Marks as typed: "dân" scores here, "dần" does not.
        {
            "multi_match": {
                "query": words,
                "fields": ["title^4", "summary^2", "body"],
                "type": "best_fields",
                "boost": 3,
            }
        },
        # Phrases: folded shingles reward syllables in the order typed.
        {
            "multi_match": {
                "query": phrase,
                "fields": ["title.shingles^3", "summary.shingles", "body.shingles"],
                "boost": 2,
            }
        },
    ]
    # Rewrites of the topic, function words included ("so do" is sổ đỏ, not "so" and đó), and of
    # the content words alone.
    rewrites = [*query_variants(understood.topic), *query_variants(words)]
    for variant in list(dict.fromkeys(rewrites))[:MAX_VARIANTS]:
        recall.append(
            {
                "multi_match": {
                    "query": variant,
                    "fields": ["title.folded^4", "summary.folded^2", "body.folded"],
                    "operator": "and",
                    "boost": 1.5,
                }
            }
        )
        rank.append(
            {"multi_match": {"query": variant, "fields": ["title.shingles^3", "body.shingles"], "boost": 1.5}}
        )
    if CODE_LIKE.match(q) or len(q.split()) == 1:
        # A code or document number copied from a paper goes straight to the top.
        recall.append({"term": {"code": {"value": q, "boost": 200}}})
        recall.append({"term": {"code.folded": {"value": q, "boost": 150}}})
        recall.append({"term": {"codes": {"value": q, "boost": 60}}})
        recall.append({"term": {"codes.folded": {"value": q, "boost": 50}}})
    return {"bool": {"should": recall, "minimum_should_match": 1}}, rank


def intent_rescore(q):
    """The kind of content a query names ranks higher by a factor, whatever the scale of the scores
    before it; documents of other kinds keep theirs, so none is excluded."""
    named = understand(q).intents[:1] if q else ()
    return [
        {
            "window_size": RESCORE_WINDOW,
            "query": {
                "rescore_query": {
                    "constant_score": {"filter": {"term": {"type": kind}}, "boost": INTENT_FACTOR}
                },
                "score_mode": "multiply",
            },
        }
        for kind in named
    ]


def highlight_words(q):
    if not q:
        return []
    return [{"multi_match": {"query": understand(q).phrase, "fields": HIGHLIGHT_FIELDS}}]


def filter_clauses(request):
    clauses = [{"terms": {name: values}} for name, values in request.filters.items() if values]
    if request.date_from or request.date_to:
        bounds = {}
        if request.date_from:
            bounds["gte"] = request.date_from.isoformat()
        if request.date_to:
            bounds["lte"] = request.date_to.isoformat()
        clauses.append({"range": {"date": bounds}})
    return clauses


def unexpired(cacheable=False):
    """Documents whose expiry time has not come: the index keeps an expired page until the scheduler
    withdraws it, up to a minute later, and a citizen must not find it meanwhile. For the counts,
    the time is the end of the current minute, so that one query's counts are one request the
    engine can keep for a minute; they may leave out a page that expires within it."""
    now = timezone.now()
    if cacheable:
        now = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return {
        "bool": {
            "should": [
                {"bool": {"must_not": {"exists": {"field": "expire_at"}}}},
                {"range": {"expire_at": {"gt": now.isoformat()}}},
            ],
            "minimum_should_match": 1,
        }
    }


def well_formed(hits, fields):
    """The hits whose document has `fields`. Anything else was not written by this service (a
    stray write to the index, a tool's test document): it is left out and logged, never a 500."""
    kept = []
    for hit in hits:
        missing = [name for name in fields if not hit.get("_source", {}).get(name)]
        if missing:
            logger.warning(
                "Search skipped document %s in %s: it lacks %s", hit.get("_id"), hit.get("_index"), missing
            )
        else:
            kept.append(hit)
    return kept


def present(hit):
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    return {
        "key": source["key"],
        "type": source["type"],
        "title": source["title"],
        "url": source["url"],
        "date": source.get("date"),
        "codes": source.get("codes", []),
        "status": source.get("status"),
        "promoted": False,
        "highlight": {
            name: fragment
            for name in ("title", "summary", "body")
            if (fragment := best_fragment(highlight.get(name), highlight.get(f"{name}.folded")))
        },
    }


def best_fragment(exact, folded):
    """The fragment marking more of the query: typed without diacritics, "nguoi co uy tin" matches
    the exact field only at "uy", but the folded field at every word. Exact wins a tie."""
    candidates = [fragments[0] for fragments in (exact, folded) if fragments]
    if not candidates:
        return None
    return max(candidates, key=lambda fragment: fragment.count("<mark>"))


def encode_cursor(position, relaxed=False):
    token = {**position, "relaxed": True} if relaxed else position
    return base64.urlsafe_b64encode(json.dumps(token).encode()).decode()


def decode_cursor(token, request):
    """The page a token names, if it is one this service gave for this request's order: an offset for
    results by relevance, the date and key of the last hit for results by date."""
    try:
        value = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, binascii.Error, RecursionError) as error:  # RecursionError: "[[[[…" nested
        raise InvalidSearch("after is not a token this service gave") from error
    if isinstance(value, list):  # before offsets: the sort values alone
        value = {"after": value}
    if not isinstance(value, dict) or not value.keys() <= {"from", "after", "relaxed"}:
        raise InvalidSearch("after is not a token this service gave")
    relaxed = value.get("relaxed", False) is True
    if request.by_relevance:
        offset = value.get("from")
        if "after" in value:
            raise InvalidSearch("after does not fit this sort order")
        if type(offset) is not int or not 0 < offset <= MAX_OFFSET - request.size:  # bool is an int
            raise InvalidSearch("after is not a token this service gave")
        return Cursor(offset=offset, relaxed=relaxed)
    after = value.get("after")
    if "from" in value:
        raise InvalidSearch("after does not fit this sort order")
    # Only what next_token writes: a date (or none) and a key. The engine answers some other forged
    # values (huge numbers, nested lists) with a 500, not a 400, which search() would take for an
    # outage and answer from the database.
    if not isinstance(after, list) or len(after) != 2 or not all(map(sort_value, after)):
        raise InvalidSearch("after is not a token this service gave")
    return Cursor(after=after, relaxed=relaxed)


def sort_value(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, str) or (isinstance(value, float) and math.isfinite(value))


def candidate_answers(request):
    """For spelling.correction: each candidate text asked under the request's filters (see
    candidate_body), all in one multi-search. Asked of the index, which holds only public content:
    the suggester reads word statistics that count a withdrawn page's words until the engine
    merges segments."""
    filters = [*filter_clauses(request), unexpired(cacheable=True)]

    def ask(texts, fields=()):
        lines = []
        for text in texts:
            lines += [{"index": alias_name()}, candidate_body(text, filters, fields)]
        return [checked(part) for part in get_client().msearch(body=lines)["responses"]]

    return ask


def candidate_body(text, filters, fields):
    """The best score of `text`'s phrases (the shingle fields) in any document; how many documents
    have all its words, as the strict query wants them; and the best of those by phrases, with
    `fields` highlighted, to read the words' marks from."""
    recall, _rank = text_query(text)
    shingles = ["title.shingles", "summary.shingles", "body.shingles"]
    example = {
        "size": 1,
        "_source": ["key"],
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": dict.fromkeys(fields, {"number_of_fragments": 3, "fragment_size": 120}),
            "highlight_query": {"multi_match": {"query": text, "fields": list(fields)}},
        },
    }
    # No hits, only aggregations: the engine keeps such an answer in its request cache until the
    # index changes, and a misspelling citizens share is corrected once.
    return {
        "query": {
            "bool": {"should": [{"multi_match": {"query": text, "fields": shingles}}], "filter": filters}
        },
        "size": 0,
        "track_total_hits": False,
        "aggs": {
            "best": {"top_hits": {"size": 1, "_source": False}},
            "strict": {"filter": recall, **({"aggs": {"example": {"top_hits": example}}} if fields else {})},
        },
    }


def autocomplete(prefix, size=8):
    prefix = unicodedata.normalize("NFC", prefix or "").strip()[:100]
    if not prefix:
        return []
    body = {
        "query": {
            "bool": {
                "must": [{"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}}],
                "filter": [unexpired()],
            }
        },
        "size": min(size, 20),
        "_source": list(REQUIRED),
    }
    try:
        answer = get_client().search(index=alias_name(), body=body)
    except ENGINE_ERRORS:
        return []
    # A webhook payload written into the index had a title, a type and an address, but no key.
    fields = ("title", "url", "type")
    hits = well_formed(answer["hits"]["hits"], REQUIRED)
    return [{name: hit["_source"][name] for name in fields} for hit in hits]
