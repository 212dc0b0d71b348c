"""The thesaurus editors keep: a citizen's word finds the agency's, at once, without a reindex."""

import pytest

from search.query import SearchRequest, search
from search.thesaurus import SynonymGroup
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def titles(q):
    return [hit["title"] for hit in search(SearchRequest(q=q)).hits]


def indexing_total(search_index):
    from search.documents import alias_name

    stats = search_index.client.indices.stats(index=alias_name(), metric="indexing")
    return stats["_all"]["primaries"]["indexing"]["index_total"]


@pytest.fixture
def articles(search_index):
    news = NewsIndexPageFactory()
    found = {
        "land": NewsArticlePageFactory(
            parent=news, title="Cấp giấy chứng nhận quyền sử dụng đất cho hộ nghèo"
        ),
        "nickname": NewsArticlePageFactory(parent=news, title="Hỏi đáp về sổ đỏ ở vùng cao"),
        "hall": NewsArticlePageFactory(parent=news, title="Khánh thành nhà sinh hoạt cộng đồng bản Nà Tâm"),
        "desk": NewsArticlePageFactory(
            parent=news, title="Bộ phận tiếp nhận và trả kết quả chuyển về trung tâm hành chính"
        ),
    }
    search_index.sync()
    return {name: page.title for name, page in found.items()}


def test_a_new_equivalence_counts_at_once_both_ways_without_reindexing(articles, search_index):
    assert articles["hall"] not in titles("nhà văn hóa")
    writes = indexing_total(search_index)

    SynonymGroup.objects.create(kind=SynonymGroup.EQUIVALENT, terms="nhà văn hóa\nnhà sinh hoạt cộng đồng")

    assert articles["hall"] in titles("nhà văn hóa")
    assert articles["hall"] in titles("NHA VAN HOA")
    assert articles["hall"] in titles("nhà văn hoá")  # the old placement of the mark
    assert indexing_total(search_index) == writes


def test_a_one_way_expansion_works_one_way_only(articles):
    SynonymGroup.objects.create(kind=SynonymGroup.ONE_WAY, terms="sổ đỏ\ngiấy chứng nhận quyền sử dụng đất")

    assert articles["land"] in titles("sổ đỏ")
    assert articles["land"] in titles("so do")
    assert articles["nickname"] not in titles("giấy chứng nhận quyền sử dụng đất")
    assert articles["nickname"] not in titles("giay chung nhan quyen su dung dat")


def test_the_starter_thesaurus_reads_mot_cua_as_the_agencys_desk(articles):
    assert articles["desk"] in titles("một cửa")
    assert articles["desk"] in titles("mot cua")


def test_a_deleted_group_stops_counting(articles):
    group = SynonymGroup.objects.create(
        kind=SynonymGroup.EQUIVALENT, terms="nhà văn hóa\nnhà sinh hoạt cộng đồng"
    )
    assert articles["hall"] in titles("nha van hoa")
    group.delete()
    assert articles["hall"] not in titles("nha van hoa")


def test_variants_match_whole_syllables_and_are_capped():
    from search.rewrites import MAX_VARIANTS, query_variants

    SynonymGroup.objects.create(kind=SynonymGroup.EQUIVALENT, terms="bản\nthôn")
    # "bảng" starts with the letters of "ban", but is another syllable.
    assert query_variants("bảng tin") == []
    assert "thon na tam" in query_variants("bản Nà Tâm")
    for number in range(MAX_VARIANTS + 3):
        SynonymGroup.objects.create(kind=SynonymGroup.ONE_WAY, terms=f"hồ sơ\nhồ sơ số {number}")
    assert len(query_variants("hồ sơ")) == MAX_VARIANTS
