"""A randomized editorial life: what editors, leaders, the scheduler and the retention job do to the
site, one operation at a time, with the clock moving on between them."""

import datetime
import io
import random
from collections import Counter

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from cms.publishing import log
from procedure_catalog.models import NoticeEntry, ProcedureField, ProcedureNoticePage, ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.models import NewsArticlePage, RelatedArticle
from site_pages.taxonomy import NewsCategory
from tests.factories import HomePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory
from tests.images import jpeg_bytes


def quietly(command):
    with open("/dev/null", "w") as nowhere:
        call_command(command, stdout=nowhere)


def new_image(number):
    image = get_image_model()(
        title=f"Ảnh {number}", description=f"Quang cảnh số {number}", credit="Ban Dân tộc"
    )
    image.file = ImageFile(io.BytesIO(jpeg_bytes(size=(64, 48))), name=f"anh-{number}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


class EditorialLife:
    """The site and everything done to it. `clock` is a time_machine traveller: each operation
    happens a few minutes after the one before."""

    def __init__(self, seed, clock):
        self.rng = random.Random(seed)
        self.clock = clock
        self.done = Counter()
        self.serial = 0
        home = HomePageFactory()
        self.sections = [
            NewsIndexPageFactory(parent=home, slug="tin-tuc", title="Tin tức"),
            NewsIndexPageFactory(parent=home, slug="thong-bao", title="Thông báo"),
        ]
        self.procedure_section = ProcedureIndexPageFactory(parent=home)
        self.categories = [
            NewsCategory.objects.create(name=f"Chuyên mục {n}", slug=f"chuyen-muc-{n}") for n in range(3)
        ]
        self.images = [new_image(n) for n in range(3)]
        self.fields = [ProcedureField.objects.create(name=f"Lĩnh vực {n}") for n in range(2)]

    # What may happen, and how often. Each returns False when it has nothing to act on.
    def operations(self):
        return {
            self.write_draft: 8,
            self.publish_article: 10,
            self.edit_article: 10,
            self.edit_draft_only: 3,
            self.schedule: 5,
            self.expire_later: 4,
            self.time_passes: 6,
            self.move: 4,
            self.rename_category: 3,
            self.replace_image: 3,
            self.unpublish: 4,
            self.delete: 3,
            self.restrict: 1,
            self.add_procedure: 4,
            self.edit_procedure: 3,
            self.rename_field: 2,
            self.announce_status_change: 3,
            self.change_agency_contacts: 1,
        }

    def step(self):
        self.clock.shift(datetime.timedelta(minutes=self.rng.randint(1, 20)))
        choices = self.operations()
        while True:
            operation = self.rng.choices(list(choices), weights=list(choices.values()))[0]
            if operation() is not False:
                self.done[operation.__name__] += 1
                return operation.__name__

    def compact(self):
        """The retention job, with every superseded event already old enough to go."""
        self.done["compact"] += 1
        return log.compact(cutoff=timezone.now() + datetime.timedelta(seconds=1))

    def number(self):
        self.serial += 1
        return self.serial

    # Choosing
    def articles(self, **filters):
        return list(NewsArticlePage.objects.filter(**filters).order_by("pk"))

    def pick(self, items):
        return self.rng.choice(items) if items else None

    def fresh(self, page):
        return type(page).objects.get(pk=page.pk)

    def pick_article(self, **filters):
        """One article, as an editor would open it now; None when there is none to pick."""
        article = self.pick(self.articles(**filters))
        return None if article is None else self.fresh(article)

    def related(self, leaving_out=None):
        others = [other for other in self.articles(live=True) if other.pk != leaving_out]
        return [RelatedArticle(article=other) for other in self.rng.sample(others, min(2, len(others)))]

    # News
    def write_draft(self):
        number = self.number()
        article = NewsArticlePage(
            title=f"Bài viết {number}",
            slug=f"bai-viet-{number}",
            summary=f"Tóm tắt bài viết {number}.",
            display_date=timezone.now(),
            featured_image=self.pick([*self.images, None]),
            live=False,  # as the admin creates it: nothing is public before it is published
        )
        article.categories = self.rng.sample(self.categories, self.rng.randint(0, 2))
        article.related_links = self.related()
        self.pick(self.sections).add_child(instance=article)
        revision = article.save_revision()
        if self.rng.random() < 0.7:
            revision.publish()

    def publish_article(self):
        article = self.pick(self.articles(live=False))
        if article is None:
            return False
        article.get_latest_revision().publish()

    def edit_article(self):
        article = self.pick_article(live=True)
        if article is None:
            return False
        number = self.number()
        article.title = f"{article.title.split(' – ')[0]} – sửa {number}"
        article.summary = f"Tóm tắt sửa lần {number}."
        if self.rng.random() < 0.3:
            article.categories = self.rng.sample(self.categories, self.rng.randint(0, 2))
        if self.rng.random() < 0.3:
            article.related_links = self.related(leaving_out=article.pk)
        article.save_revision().publish()

    def edit_draft_only(self):
        article = self.pick_article(live=True)
        if article is None:
            return False
        article.title = f"{article.title} (bản nháp)"
        article.save_revision()

    def schedule(self):
        article = self.pick_article()
        if article is None:
            return False
        article.title = f"{article.title.split(' – ')[0]} – hẹn giờ {self.number()}"
        article.go_live_at = timezone.now() + datetime.timedelta(minutes=self.rng.randint(5, 60))
        article.save_revision().publish()  # with a future go-live time this only schedules

    def expire_later(self):
        article = self.pick_article(live=True, expire_at=None)
        if article is None:
            return False
        article.expire_at = timezone.now() + datetime.timedelta(minutes=self.rng.randint(5, 60))
        article.save_revision().publish()

    def time_passes(self):
        self.clock.shift(datetime.timedelta(minutes=self.rng.randint(10, 90)))
        self.scheduler_round()

    def scheduler_round(self):
        """The publish worker's timed duties: go-live, expiry and procedure status changes."""
        quietly("publish_scheduled")
        quietly("apply_procedure_changes")

    def move(self):
        article = self.pick(self.articles())
        if article is None:
            return False
        parent = article.get_parent().specific
        target = next(section for section in self.sections if section.pk != parent.pk)
        article.move(target, pos="last-child")

    def rename_category(self):
        category = self.pick(self.categories)
        category.name = f"Chuyên mục {self.number()}"
        category.save()

    def replace_image(self):
        image = self.pick(self.images)
        number = self.number()
        image.description = f"Quang cảnh, ảnh thay lần {number}"
        image.credit = f"Phóng viên {number}"
        image.file = ImageFile(
            io.BytesIO(jpeg_bytes(size=(64, 48), colour=(number % 255, 90, 40))), name=f"thay-{number}.jpg"
        )
        image._set_image_file_metadata()
        image.save()

    def unpublish(self):
        article = self.pick(self.articles(live=True))
        if article is None:
            return False
        article.unpublish()

    def delete(self):
        article = self.pick(self.articles())
        if article is None:
            return False
        article.delete()

    def restrict(self):
        article = self.pick(self.articles(live=True, view_restrictions=None))
        if article is None:
            return False
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    # Procedures
    def add_procedure(self):
        number = self.number()
        procedure = ProcedurePage(
            code=f"1.{10000 + number:06d}", title=f"Thủ tục {number}", field=self.pick(self.fields)
        )
        self.procedure_section.add_child(instance=procedure)
        procedure.save_revision().publish()

    def edit_procedure(self):
        procedure = self.pick(list(ProcedurePage.objects.filter(live=True).order_by("pk")))
        if procedure is None:
            return False
        procedure = self.fresh(procedure)
        procedure.title = f"{procedure.title.split(' – ')[0]} – sửa {self.number()}"
        procedure.save_revision().publish()

    def rename_field(self):
        field = self.pick(self.fields)
        field.name = f"Lĩnh vực {self.number()}"
        field.save()

    def announce_status_change(self):
        procedures = list(ProcedurePage.objects.filter(live=True, status="in_force").order_by("pk"))
        procedure = self.pick(procedures)
        if procedure is None:
            return False
        today = timezone.localdate()
        number = self.number()
        notice = ProcedureNoticePage(
            title=f"Quyết định công bố số {number}",
            slug=f"quyet-dinh-{number}",
            decision_number=f"{number}/QĐ-UBND",
            decision_date=today,
            issuer="Ủy ban nhân dân tỉnh Sơn La",
        )
        change = self.rng.choice(["amended", "abolished"])
        notice.entries = [NoticeEntry(procedure=procedure, change=change, effective_on=today)]
        self.procedure_section.add_child(instance=notice)
        notice.save_revision().publish()

    # The agency
    def change_agency_contacts(self):
        identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.name = "Sở Dân tộc và Tôn giáo tỉnh Sơn La"
        identity.phone = f"0212 3852 {self.number():03d}"
        identity.save()
