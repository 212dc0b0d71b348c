"""A generated corpus of published news articles, inserted in bulk for benchmarks.

Creating twenty thousand pages one by one through Wagtail takes many minutes; this writes the
same rows (a base page row and the article row, live, with a first publication date) in batches.
Bench-only: editors' pages always go through Wagtail.
"""

import random
import uuid

from django.db import connection, transaction
from django.utils import timezone

WORDS = (
    "thủ tục hành chính người có uy tín đồng bào dân tộc thiểu số chính sách hỗ trợ sinh kế "
    "nhà ở đất ở nước sinh hoạt giáo dục y tế văn hóa tôn giáo tín ngưỡng cải cách một cửa "
    "điện tử chuyển đổi số thôn bản xã phường tỉnh Sơn La Mông Thái Dao Mường Khơ Mú"
).split()


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize()


@transaction.atomic
def generate_news(parent, count, seed=1719):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from site_pages.models import NewsArticlePage

    rng = random.Random(seed)  # noqa: S311 - benchmark text, not secrets
    content_type = (
        NewsArticlePage.content_type_for_model()
        if hasattr(NewsArticlePage, "content_type_for_model")
        else None
    )

    content_type = content_type or ContentType.objects.get_for_model(NewsArticlePage)
    locale = Locale.get_default()
    start = parent.numchild
    now = timezone.now()
    pages = []
    for offset in range(count):
        position = start + offset + 1
        slug = f"bai-sinh-tu-dong-{seed}-{position}"
        title = sentence(rng, 8)
        pages.append(
            Page(
                path=parent._get_path(parent.path, parent.depth + 1, position),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                url_path=f"{parent.url_path}{slug}/",
                first_published_at=now,
                last_published_at=now,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=1000)

    def body():
        return [{"type": "paragraph", "value": f"<p>{sentence(rng, 40)}</p>", "id": str(uuid.uuid4())}]

    # Every column of the article table, each field's own default unless given here, so a field
    # added to the model later gets its default instead of breaking the insert.
    fields = [field for field in NewsArticlePage._meta.local_concrete_fields if not field.primary_key]
    columns = ", ".join(["page_ptr_id", *(connection.ops.quote_name(field.column) for field in fields)])
    placeholders = ", ".join(["%s"] * (len(fields) + 1))
    rows = []
    for page in created:
        given = {"summary": sentence(rng, 20), "body": body(), "display_date": now}
        row = [page.pk]
        for field in fields:
            value = given[field.name] if field.name in given else field.get_default()
            row.append(field.get_db_prep_save(value, connection))
        rows.append(row)
    table = connection.ops.quote_name(NewsArticlePage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    return len(created)
