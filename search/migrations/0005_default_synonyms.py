from django.db import migrations

EQUIVALENT, ONE_WAY = "equivalent", "one_way"

# What citizens type beside what the agency's texts say; administrators add the rest.
SYNONYMS = [
    (EQUIVALENT, ["người uy tín", "người có uy tín"]),
    (ONE_WAY, ["một cửa", "bộ phận tiếp nhận và trả kết quả"]),
    (EQUIVALENT, ["đồng bào dân tộc", "đồng bào dân tộc thiểu số"]),
    (EQUIVALENT, ["thời hạn giải quyết", "thời gian giải quyết"]),
    (ONE_WAY, ["giấy tờ", "thành phần hồ sơ"]),
    (ONE_WAY, ["nộp trực tuyến", "dịch vụ công trực tuyến"]),
    (ONE_WAY, ["chương trình 1719", "chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"]),
]


def create(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for kind, terms in SYNONYMS:
        SynonymGroup.objects.get_or_create(terms="\n".join(terms), defaults={"kind": kind})


class Migration(migrations.Migration):
    dependencies = [("search", "0004_thesaurus_promotions")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
