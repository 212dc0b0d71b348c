"""A search finds the documents with every syllable typed; only when too few have them all does it
widen to documents with most of them, so a typo in a short syllable or a word the text lacks still
finds something, and a common query is not drowned in texts that share a syllable or two."""

import pytest

from search.query import RELAX_BELOW, SearchRequest, search
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

QUERY = "hỗ trợ người có uy tín"
# Four of the query's six syllables (hỗ trợ người có), which "most of them" (75 %) accepts.
LOOSE_TITLE = "Hỗ trợ người nghèo có việc làm"


def publish(search_index, complete, loose=1):
    news = NewsIndexPageFactory()
    for number in range(complete):
        NewsArticlePageFactory(parent=news, title=f"Hỗ trợ người có uy tín ở bản số {number + 1}")
    for _ in range(loose):
        NewsArticlePageFactory(parent=news, title=LOOSE_TITLE)
    search_index.sync()


def found(q, **kwargs):
    return search(SearchRequest(q=q, **kwargs))


def test_enough_documents_with_every_syllable_leave_out_those_with_most(search_index):
    publish(search_index, complete=RELAX_BELOW)
    result = found(QUERY, size=50)
    assert result.total == RELAX_BELOW
    assert LOOSE_TITLE not in [hit["title"] for hit in result.hits]


def test_too_few_with_every_syllable_widen_to_those_with_most_ranked_below(search_index):
    publish(search_index, complete=RELAX_BELOW - 1)
    titles = [hit["title"] for hit in found(QUERY, size=50).hits]
    assert len(titles) == RELAX_BELOW
    assert titles[-1] == LOOSE_TITLE


def test_a_typo_in_a_short_syllable_is_found_by_the_other_syllables(search_index):
    publish(search_index, complete=1, loose=0)
    assert [hit["title"] for hit in found("ho tro nguoi co uy tinn").hits] == [
        "Hỗ trợ người có uy tín ở bản số 1"
    ]


def test_later_pages_of_a_widened_search_stay_widened(search_index):
    publish(search_index, complete=3, loose=2)
    seen, after = [], None
    while True:
        result = found(QUERY, size=2, after=after)
        assert result.total == 5
        seen += [hit["key"] for hit in result.hits]
        if not result.next:
            break
        after = result.next
    assert len(seen) == len(set(seen)) == 5
