from django.db import migrations

ABBREVIATIONS = [
    ("CCHC", "cải cách hành chính"),
    ("TTHC", "thủ tục hành chính"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("DTTS", "dân tộc thiểu số"),
    ("MTQG", "mục tiêu quốc gia"),
    ("DVC", "dịch vụ công"),
    ("TCVN", "tiêu chuẩn Việt Nam"),
    ("QĐ", "quyết định"),
    ("TT", "thông tư"),
    ("NĐ", "nghị định"),
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng"),
    ("UBDT", "Ủy ban Dân tộc"),
]


def create(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in ABBREVIATIONS:
        Abbreviation.objects.get_or_create(short=short, defaults={"expansion": expansion})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
