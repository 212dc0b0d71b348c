"""Test data built by factories: pages are added under their real parents, never by fixed ids."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site

from site_pages.models import HomePage, NewsArticlePage, NewsIndexPage, ProcedureIndexPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.vn")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")

    @factory.post_generation
    def saved(user, create, extracted, **kwargs):
        if create:
            user.save()


class PageFactory(factory.Factory):
    """Adds the page under `parent` and publishes it, as an editor's publish would."""

    class Meta:
        abstract = True

    parent = None

    @classmethod
    def _create(cls, model_class, parent, **fields):
        page = parent.add_child(instance=model_class(**fields))
        page.save_revision().publish()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ thử nghiệm"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)

    @classmethod
    def _create(cls, model_class, parent, **fields):
        home = super()._create(model_class, parent, **fields)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        return home


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức – sự kiện"
    slug = "tin-tuc"
    parent = factory.SubFactory(HomePageFactory)


class NewsArticlePageFactory(PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Bài viết thử nghiệm số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-thu-nghiem-{n}")
    summary = "Tóm tắt bài viết thử nghiệm."
    display_date = factory.LazyFunction(timezone.now)
    parent = factory.SubFactory(NewsIndexPageFactory)


def role_user(role, **fields):
    """A staff member in one of the agency's editorial groups (created by migration)."""
    from django.contrib.auth.models import Group

    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=role))
    return user


class ProcedureIndexPageFactory(PageFactory):
    class Meta:
        model = ProcedureIndexPage

    title = "Thủ tục hành chính"
    slug = "thu-tuc-hanh-chinh"
    parent = factory.SubFactory(HomePageFactory)


class WebhookSubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cms.WebhookSubscriber"

    name = factory.Sequence(lambda n: f"Cổng thông tin tỉnh {n}")
    url = "http://127.0.0.1:9/hook"  # the discard port: nothing listens, so a forgotten test sends nowhere
    events = factory.LazyFunction(lambda: ["publish", "unpublish", "delete"])
