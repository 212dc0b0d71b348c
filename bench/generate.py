#!/usr/bin/env python
"""Generate N news articles and M procedures of realistic Vietnamese text, through the models.

    .venv/bin/python bench/generate.py NEWS PROCEDURES [--seed 1719] [--images 40] [--no-index]

Writes into the database the settings point at (DJANGO_SETTINGS_MODULE, DATABASE_URL), so it can
fill the PostgreSQL a load test serves. Articles are published through Wagtail revisions (each
publish records its event in the publishing log, as an editor's would), with a featured image drawn
by Pillow and every rendition preset made; procedures go through the national-format importer.
Then the log's events are taken into the engine, unless --no-index.

Deterministic: item n of a seed always has the same text, image and date, so a run that stopped
resumes where it left off, and two runs with the same seed build the same corpus.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

from vietnamese_text import FIELDS, PAPERS, TextBank  # noqa: E402

BATCH = 100  # pages per transaction: fewer commits, and a stop loses at most one batch
EPOCH = datetime.datetime(2019, 1, 1, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


class Progress:
    """One line per step of ~5 %, with the rate and the time left; long runs must show they move."""

    def __init__(self, label, total, skipped=0, out=sys.stderr):
        self.label, self.total, self.skipped, self.out = label, total, skipped, out
        self.began = time.monotonic()
        self.next_report = 0

    def update(self, done):
        if done < self.next_report and done < self.total:
            return
        self.next_report = done + max(1, self.total // 20)
        elapsed = time.monotonic() - self.began
        rate = max(0, done - self.skipped) / elapsed if elapsed else 0.0
        left = (self.total - done) / rate if rate else 0.0
        width = 30
        filled = round(width * done / self.total) if self.total else width
        print(
            f"{self.label:<11} [{'█' * filled}{'·' * (width - filled)}] {done:>7}/{self.total} "
            f"{rate:7.1f}/s  {elapsed:6.0f} s elapsed, ~{left:.0f} s left",
            file=self.out,
            flush=True,
        )


def item_rng(seed, kind, number):
    return random.Random(f"{seed}:{kind}:{number}")  # noqa: S311 - benchmark text, not secrets


def article_slug(seed, number):
    return f"tin-sinh-{seed}-{number}"


def procedure_code(seed, number):
    return f"9.{(seed * 7919 + number) % 1_000_000:06d}"


def ensure_site():
    from django.core.management import call_command

    from site_pages.models import NewsIndexPage, ProcedureIndexPage

    if not (NewsIndexPage.objects.exists() and ProcedureIndexPage.objects.exists()):
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return NewsIndexPage.objects.get(), ProcedureIndexPage.objects.get()


def ensure_images(seed, count):
    """Drawn pictures with every rendition preset made, shared by the articles like a photo library."""
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from cms.demo.content import IMAGE_PALETTE
    from cms.demo.images import landscape_jpeg
    from media.renditions import renditions

    image_model = get_image_model()
    images = []
    for number in range(count):
        title = f"Ảnh sinh tự động {seed}-{number}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(
                title=title,
                description="Tranh đồi núi và ruộng bậc thang (ảnh vẽ, dữ liệu đo tải)",
                credit="Ảnh do hệ thống tạo",
                collection=Collection.get_first_root_node(),
            )
            jpeg = landscape_jpeg(IMAGE_PALETTE[number % len(IMAGE_PALETTE)], seed=seed * 1000 + number)
            image.file = ImageFile(io.BytesIO(jpeg), name=f"sinh-{seed}-{number}.jpg")
            image._set_image_file_metadata()
            image.save()
        renditions(image)
        images.append(image)
    return images


def build_article(seed, number, images, categories):
    from site_pages.models import NewsArticlePage

    rng = item_rng(seed, "news", number)
    text = TextBank(rng)
    page = NewsArticlePage(
        title=text.headline()[:250],
        slug=article_slug(seed, number),
        summary=text.paragraph((1, 2)),
        body=[("paragraph", f"<p>{text.paragraph()}</p>") for _ in range(rng.randint(3, 7))],
        featured_image=images[rng.randrange(len(images))] if images else None,
        author=rng.choice(("Văn phòng Sở", "Phòng Chính sách", "Phòng Tôn giáo", "Cộng tác viên")),
        display_date=EPOCH + datetime.timedelta(minutes=rng.randrange(8 * 365 * 24 * 60)),
    )
    page.categories.set(rng.sample(categories, k=min(len(categories), rng.randint(1, 2))))
    page.tags.set(
        sorted({rng.choice(("CCHC", "người có uy tín", "MTQG 1719", "tôn giáo", "Sơn La")) for _ in range(2)})
    )
    return page


def build_procedure(seed, number):
    from cms.demo.procedures import national_record

    rng = item_rng(seed, "procedure", number)
    text = TextBank(rng)
    level = rng.choice(("province", "commune"))
    return national_record(
        procedure_code(seed, number),
        f"{text.procedure_name()} ({number})",
        rng.choice(FIELDS),
        level,
        rng.choice(("FULL", "PARTIAL", "NONE")),
        rng.choice((3, 5, 7, 10, 15, 20)),
        [(f"Bước {step}", text.sentence()) for step in range(1, rng.randint(2, 5))],
        [(paper, rng.randint(0, 1)) for paper in rng.sample(PAPERS, k=rng.randint(2, 5))],
        [(f"{rng.randint(1, 99):02d}/{rng.randint(2015, 2025)}/NĐ-CP", text.sentence()[:200])],
        fee=rng.choice((None, None, 50000, 100000)),
    )


def generate_news(seed, count, images):
    from django.db import transaction

    from site_pages.models import NewsArticlePage
    from site_pages.taxonomy import NewsCategory

    news, _procedures = ensure_site()
    categories = list(NewsCategory.objects.order_by("pk"))
    existing = set(
        NewsArticlePage.objects.filter(slug__startswith=f"tin-sinh-{seed}-").values_list("slug", flat=True)
    )
    progress = Progress("news", count, skipped=len(existing))
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(start, min(count, start + BATCH)):
                if article_slug(seed, number) in existing:
                    continue
                page = build_article(seed, number, images, categories)
                news.add_child(instance=page)
                page.save_revision().publish()
        progress.update(min(count, start + BATCH))


def generate_procedures(seed, count):
    from procedure_catalog.formats.national import record_from_national
    from procedure_catalog.importer import import_one
    from procedure_catalog.models import ProcedurePage

    _news, section = ensure_site()
    codes = {procedure_code(seed, number) for number in range(count)}
    existing = set(ProcedurePage.objects.filter(code__in=codes).values_list("code", flat=True))
    progress, seen = Progress("procedures", count, skipped=len(existing)), set()
    for number in range(count):
        code = procedure_code(seed, number)
        if code not in existing:
            outcome = import_one(
                section, f"generated {number}", build_procedure(seed, number), record_from_national, seen
            )
            if outcome.action != "created":
                raise SystemExit(f"procedure {code}: {outcome.action} {outcome.field} {outcome.reason}")
        progress.update(number + 1)


def index_everything():
    from cms.publishing import consumers, log
    from search.sync import CONSUMER, drain

    log.sequence()
    total, _ = consumers.backlog(CONSUMER)
    progress = Progress("indexing", max(total, 1))
    report = drain(limit=500, progress=lambda applied: progress.update(min(applied, total)))
    if report.error:
        raise SystemExit(f"search engine unavailable: {report.error}")
    progress.update(max(total, 1))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("news", type=int)
    parser.add_argument("procedures", type=int)
    parser.add_argument("--seed", type=int, default=1719)
    parser.add_argument("--images", type=int, default=40)
    parser.add_argument("--no-index", action="store_true", help="leave the events for the publish worker")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    began = time.monotonic()
    ensure_site()
    images = ensure_images(args.seed, args.images)
    generate_news(args.seed, args.news, images)
    generate_procedures(args.seed, args.procedures)
    if not args.no_index:
        index_everything()
    print(
        f"generated {args.news} articles and {args.procedures} procedures in {time.monotonic() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
