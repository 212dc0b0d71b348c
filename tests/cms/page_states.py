"""Pages put into every state a page can be in, for the proof that only live, public content is exposed.

Each page carries a marker word of its own in its title, summary and slug, and a second marker in
any newer draft or scheduled revision, so a leak shows up as a marker in a response body.
"""

import enum
import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.management import call_command
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from procedure_catalog.models import NoticeEntry, ProcedureNoticePage, ProcedurePage
from site_pages.models import NewsArticlePage
from site_pages.taxonomy import NewsCategory
from tests.factories import NewsIndexPageFactory, ProcedureIndexPageFactory

CATEGORY = "chinh-sach-dan-toc"


class Kind(enum.Enum):
    NEWS = "news"
    PROCEDURE = "procedure"
    NOTICE = "notice"


class State(enum.Enum):
    # Exposed: the published revision, and only it.
    LIVE = "live"
    LIVE_WITH_NEWER_DRAFT = "live, then a newer draft with another title"
    LIVE_WITH_SCHEDULED_REVISION = "live, then a newer revision approved for a future go-live"
    LIVE_UNTIL_LATER = "live with an expiry date still ahead"
    # Hidden.
    DRAFT = "never published"
    UNPUBLISHED = "unpublished after being live"
    LOGIN_ONLY = "restricted to signed-in users"
    GROUPS_ONLY = "restricted to a group"
    PASSWORD = "password-protected"
    SECTION_LOGIN_ONLY = "in a section restricted to signed-in users"
    SECTION_GROUPS_ONLY = "in a section restricted to a group"
    SECTION_PASSWORD = "in a password-protected section"
    EXPIRED = "expired, withdrawn by the scheduler"
    EXPIRY_PASSED = "expiry time passed, the scheduler not yet run"
    SCHEDULED = "approved, waiting for a future go-live"


EXPOSED = {
    State.LIVE,
    State.LIVE_WITH_NEWER_DRAFT,
    State.LIVE_WITH_SCHEDULED_REVISION,
    State.LIVE_UNTIL_LATER,
}
RESTRICTION = {
    State.LOGIN_ONLY: PageViewRestriction.LOGIN,
    State.GROUPS_ONLY: PageViewRestriction.GROUPS,
    State.PASSWORD: PageViewRestriction.PASSWORD,
    State.SECTION_LOGIN_ONLY: PageViewRestriction.LOGIN,
    State.SECTION_GROUPS_ONLY: PageViewRestriction.GROUPS,
    State.SECTION_PASSWORD: PageViewRestriction.PASSWORD,
}
IN_RESTRICTED_SECTION = {State.SECTION_LOGIN_ONLY, State.SECTION_GROUPS_ONLY, State.SECTION_PASSWORD}
WITH_SECOND_REVISION = {State.LIVE_WITH_NEWER_DRAFT, State.LIVE_WITH_SCHEDULED_REVISION}


@dataclass(frozen=True)
class PageSpec:
    kind: Kind
    state: State
    # For a restriction: added after the page went live (a withdrawal) rather than before (never seen).
    restricted_later: bool = False


page_specs = st.builds(
    lambda kind, state, later: PageSpec(kind, state, restricted_later=later and state in RESTRICTION),
    st.sampled_from(Kind),
    st.sampled_from(State),
    st.booleans(),
)
# Every state of every kind once; each restriction is added before going live for some kinds and
# after for the others.
EVERY_STATE_OF_EVERY_KIND = [
    PageSpec(kind, state, restricted_later=state in RESTRICTION and (k + s) % 2 == 1)
    for k, kind in enumerate(Kind)
    for s, state in enumerate(State)
]

# Markers are built from blocks of letters no two blocks share, so any two markers are at least three
# edits apart: the engine's typo tolerance and "did you mean" (two edits at most) never turn a query
# for one marker into a hit on another, and a marker in a body is a leak of that page and no other.
# 17 letters: within the 20 of the autocomplete n-grams.
BLOCKS = ["abc", "def", "ghi", "jkl", "mno", "prs", "tuv", "wyz"]
_markers = itertools.count(1)
_serial = itertools.count(1)  # codes, decision numbers and section slugs


def new_marker():
    number = next(_markers)
    digits = [(number // len(BLOCKS) ** place) % len(BLOCKS) for place in range(5)]
    return "xq" + "".join(BLOCKS[digit] for digit in digits)


@dataclass
class Site:
    """What every example shares: the home page, the public sections, a group and a procedure."""

    home: object
    news: object
    procedures: object
    group: object
    anchor: object  # a live procedure each notice announces, so notices cite nothing hidden


@dataclass
class Built:
    spec: PageSpec
    page: object
    marker: str
    second_marker: str | None = None  # the title of the newer draft or scheduled revision
    code: str | None = None

    @property
    def exposed(self):
        return self.spec.state in EXPOSED

    @property
    def key(self):
        return f"{self.spec.kind.value}:{self.page.pk}"


class Timeline:
    """The moments of one example's history, all in the past of the moment the test reads."""

    def __init__(self, now):
        self.now = now
        self.start = now - timedelta(days=2)
        self.changes = self.start + timedelta(minutes=10)
        self.first_expiry = self.start + timedelta(hours=1)
        self.scheduler_runs = self.start + timedelta(hours=2)
        self.second_expiry = self.start + timedelta(hours=3)  # after the scheduler's last run
        self.future = now + timedelta(days=7)


def restrict(page, restriction_type, group):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="mat-khau-noi-bo"
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(group)
    return restriction


def new_page(site, spec, marker, parent):
    number = next(_serial)
    if spec.kind is Kind.NEWS:
        page = NewsArticlePage(title=f"Tin {marker}", slug=marker, summary=f"Tóm tắt {marker}", live=False)
    elif spec.kind is Kind.PROCEDURE:
        page = ProcedurePage(title=f"Thủ tục {marker}", slug=marker, code=f"2.{number:06d}", live=False)
    else:
        page = ProcedureNoticePage(
            title=f"Quyết định {marker}",
            slug=marker,
            summary=f"Công bố {marker}",
            decision_number=f"{number}/QĐ-UBND",
            decision_date=date(2025, 7, 1),
            issuer="Ủy ban nhân dân tỉnh Sơn La",
            live=False,
        )
        page.entries.add(NoticeEntry(procedure=site.anchor, change="new", effective_on=date(2025, 7, 1)))
    parent.add_child(instance=page)
    if spec.kind is Kind.NEWS:
        page.categories.set([NewsCategory.objects.get(slug=CATEGORY)])
    return page


def section_for(site, spec):
    if spec.state not in IN_RESTRICTED_SECTION:
        return site.news if spec.kind is Kind.NEWS else site.procedures
    number = next(_serial)
    if spec.kind is Kind.NEWS:
        return NewsIndexPageFactory(parent=site.home, title="Tin nội bộ", slug=f"tin-noi-bo-{number}")
    return ProcedureIndexPageFactory(parent=site.home, title="Hồ sơ nội bộ", slug=f"ho-so-noi-bo-{number}")


def first_life(site, spec, times):
    """Create the page and publish, schedule or merely save it, at the start of the timeline."""
    state = spec.state
    parent = section_for(site, spec)
    marker = new_marker()
    page = new_page(site, spec, marker, parent)
    built = Built(spec, page, marker, code=getattr(page, "code", None))
    if state in RESTRICTION and not spec.restricted_later:
        restrict(parent if state in IN_RESTRICTED_SECTION else page, RESTRICTION[state], site.group)
    if state is State.DRAFT:
        page.save_revision()
        return built
    if state is State.SCHEDULED:
        page.go_live_at = times.future
    elif state is State.EXPIRED:
        page.expire_at = times.first_expiry
    elif state is State.EXPIRY_PASSED:
        page.expire_at = times.second_expiry
    elif state is State.LIVE_UNTIL_LATER:
        page.expire_at = times.future
    page.save_revision().publish()
    return built


def later_life(site, built, times):
    """What happens to the page after it was first published: edits, withdrawals, restrictions."""
    # Publishing works on a copy made from the revision: take the page as an editor would open it now.
    built.page = page = type(built.page).objects.get(pk=built.page.pk)
    spec = built.spec
    if spec.state in WITH_SECOND_REVISION:
        built.second_marker = new_marker()
        page.title = f"Bản sửa {built.second_marker}"
        if hasattr(page, "summary"):
            page.summary = f"Nội dung sửa {built.second_marker}"
        if spec.state is State.LIVE_WITH_SCHEDULED_REVISION:
            page.go_live_at = times.future
            page.save_revision().publish()  # with a future go-live this only schedules
        else:
            page.save_revision()
    elif spec.state is State.UNPUBLISHED:
        page.unpublish()
    elif spec.state in RESTRICTION and spec.restricted_later:
        target = page.get_parent() if spec.state in IN_RESTRICTED_SECTION else page
        restrict(target, RESTRICTION[spec.state], site.group)


def run_scheduler():
    # Wagtail's own job, as cms.management.commands.run_scheduler calls it every minute.
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115


def publish_hub(site, built_pages):
    """A live article that names every other article as related: related links must hide the hidden."""
    marker = new_marker()
    hub = NewsArticlePage(title=f"Tin {marker}", slug=marker, summary=f"Tóm tắt {marker}", live=False)
    for item in built_pages:
        if item.spec.kind is Kind.NEWS:
            hub.related_links.add(_related(item.page))
    site.news.add_child(instance=hub)
    hub.categories.set([NewsCategory.objects.get(slug=CATEGORY)])
    hub.save_revision().publish()
    return Built(PageSpec(Kind.NEWS, State.LIVE), hub, marker)


def _related(article):
    from site_pages.models import RelatedArticle

    return RelatedArticle(article=article)
