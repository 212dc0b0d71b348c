"""What is searchable and how it is mapped: one unified content index for news, procedures and
announcement decisions, so a citizen's single query ranks them together and facets count across
them. Page models only expose their data; everything about the index lives here.
"""

import hashlib
import json
from html import unescape

from django.utils.html import strip_tags
from opensearchpy import Date, Document, Integer, Keyword, Text

from .analysis import code_folded, code_lower, vi_autocomplete, vi_exact, vi_folded, vi_shingle
from .client import index_name

CONTENT = "content"


# Offsets in the postings of the fields search highlights: the highlighter reads where a match is
# instead of analysing each hit's whole text again, which cost as much as finding the hits.
HIGHLIGHTED = {"index_options": "offsets"}


def vietnamese_text(**kwargs):
    return Text(
        analyzer=vi_exact,
        fields={
            "folded": Text(analyzer=vi_folded, **HIGHLIGHTED),
            "shingles": Text(analyzer=vi_shingle),
        },
        **HIGHLIGHTED,
        **kwargs,
    )


def code_keyword():
    return Keyword(normalizer=code_lower, fields={"folded": Keyword(normalizer=code_folded)})


class ContentDocument(Document):
    key = Keyword()
    type = Keyword()
    page_id = Integer()
    url = Keyword(index=False)
    path = Keyword()
    title = Text(
        analyzer=vi_exact,
        **HIGHLIGHTED,
        fields={
            "folded": Text(analyzer=vi_folded, **HIGHLIGHTED),
            "shingles": Text(analyzer=vi_shingle),
            "autocomplete": Text(analyzer=vi_autocomplete, search_analyzer=vi_folded),
            "sort": Keyword(),
        },
    )
    summary = vietnamese_text()
    body = vietnamese_text()
    code = code_keyword()  # the document's own identifier: procedure code, decision number
    codes = code_keyword()  # every code and document number it carries or cites
    categories = Keyword()
    field = Keyword()
    level = Keyword()
    agency = Keyword()
    status = Keyword()
    online_level = Keyword()
    date = Date()
    expire_at = Date()
    fingerprint = Keyword(index=False)

    class Index:
        name = CONTENT  # replaced by the prefixed, suffixed name when an index is built
        # One shard: the whole catalogue is well under a gigabyte. A copy on a second node as soon
        # as the cluster has one (a search survives losing a node), and none on a single node,
        # which could never place it and would report the index yellow.
        settings = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}


def alias_name():
    return index_name(CONTENT)


def fingerprint(body):
    return hashlib.sha256(
        json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()[:16]


def plain(html):
    # The text a reader sees: "&amp;" in rich text is "&", or the engine's HTML encoder would make
    # highlights read "&amp;amp;".
    return " ".join(unescape(strip_tags(str(html))).split())
