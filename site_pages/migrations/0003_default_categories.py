from django.db import migrations

DEFAULT_CATEGORIES = [
    ("Tin tức – sự kiện", "tin-tuc-su-kien"),
    ("Cải cách hành chính", "cai-cach-hanh-chinh"),
    ("Chính sách dân tộc", "chinh-sach-dan-toc"),
    ("Thông tin chỉ đạo điều hành", "thong-tin-chi-dao-dieu-hanh"),
    ("Công tác tôn giáo", "cong-tac-ton-giao"),
    ("Chương trình mục tiêu quốc gia", "chuong-trinh-muc-tieu-quoc-gia"),
    ("Thông báo", "thong-bao"),
]


def create_categories(apps, schema_editor):
    NewsCategory = apps.get_model("site_pages", "NewsCategory")
    for order, (name, slug) in enumerate(DEFAULT_CATEGORIES):
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("site_pages", "0002_article_fields_and_taxonomy")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
