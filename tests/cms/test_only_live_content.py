"""Only live, public content, ever: a property over random page states and every public exposure point.

Hypothesis draws news articles, procedures and announcement decisions, each in one of the states of
page_states.State. Their history is played on a timeline that ends two days before the moment the
test reads, so an expiry time can pass without the scheduler noticing. They are indexed as the
search worker would index them. Then the test reads the JSON API, search and suggestions, every
feed, the sitemap and the changes feed. A page in an exposed state must be found everywhere it
belongs. A page in any other state, and any newer draft or scheduled revision, must be found nowhere.

Isolation: the site and an empty index are made once per test. Each example runs in a savepoint that
is rolled back, and starts by emptying the index, so examples never see each other. The examples are
derandomized (a fixed sequence, no example database), so CI runs the same ones every time. The first
example is always one page of every kind in every state.
"""

import json
from contextlib import contextmanager

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from procedure_catalog.models import ProcedurePage
from tests.cms import page_states as states
from tests.cms.page_states import Kind, State
from tests.factories import NewsIndexPageFactory, ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db

FEEDS = {
    Kind.NEWS: [
        "/feeds/news.atom",
        "/feeds/news.rss",
        f"/feeds/news/{states.CATEGORY}.atom",
        "/feeds/changes.atom",
    ],
    Kind.PROCEDURE: ["/feeds/procedures.atom", "/feeds/procedures.rss", "/feeds/changes.atom"],
    Kind.NOTICE: ["/feeds/procedures.atom", "/feeds/procedures.rss", "/feeds/changes.atom"],
}
API_LISTS = {
    Kind.NEWS: "/api/v1/news?page_size=100",
    Kind.PROCEDURE: "/api/v1/procedures?page_size=100",
    Kind.NOTICE: "/api/v1/procedure-notices?page_size=100",
}


@pytest.fixture
def site(settings, search_index):
    settings.API_RATE_LIMIT = (0, 60)  # hundreds of reads a minute here; the limit has its own tests
    news = NewsIndexPageFactory()
    home = news.get_parent().specific
    procedures = ProcedureIndexPageFactory(parent=home)
    anchor = ProcedurePage(code="1.012223", title="Thay thế người có uy tín", live=False)
    procedures.add_child(instance=anchor)
    anchor.save_revision().publish()
    group = Group.objects.create(name="Cán bộ nội bộ thử nghiệm")
    return states.Site(home, news, procedures, group, anchor)


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def fresh_index():
    """The index emptied (the search_index fixture made it), and the worker's drain to fill it."""
    from search.client import get_client
    from search.documents import alias_name
    from search.sync import drain

    # Emptied rather than recreated: a tenth of the time, and markers never repeat across examples.
    get_client().delete_by_query(
        index=alias_name(), body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
    )

    def sync():
        report = drain(refresh=True)
        assert not report.error, report.error

    return sync


def build_history(site, specs, index_before_changes, now):
    """Every page's life, from two days before `now` to the scheduler's run two hours later."""
    times = states.Timeline(now)
    sync = fresh_index()
    with time_machine.travel(times.start, tick=False) as traveller:
        built = [states.first_life(site, spec, times) for spec in specs]
        if index_before_changes:
            sync()  # so withdrawals must also remove what was already found, not only never add it
        traveller.move_to(times.changes, tick=False)
        for item in built:
            states.later_life(site, item, times)
        traveller.move_to(times.scheduler_runs, tick=False)
        states.run_scheduler()
        built.append(states.publish_hub(site, built))
        sync()
    return built


class Exposure:
    """Every public response, read once, by the path and query that asked for it."""

    def __init__(self, client):
        self.client = client
        self.bodies = {}
        self.statuses = {}

    def read(self, path, **params):
        response = self.client.get(path, params)
        label = path + (f"?{'&'.join(f'{k}={v}' for k, v in params.items())}" if params else "")
        body = response.content.decode()
        if response.status_code == 404 and response["Content-Type"].startswith("application/problem+json"):
            # A problem names the path asked for: the client's own words echoed, not a leak.
            body = json.dumps({k: v for k, v in response.json().items() if k != "instance"})
        self.bodies[label] = body.lower()
        self.statuses[label] = response.status_code
        return response

    def where(self, word):
        return sorted(label for label, body in self.bodies.items() if word.lower() in body)


def read_everything(client, built):
    exposure = Exposure(client)
    for path in sorted({*API_LISTS.values(), *(path for paths in FEEDS.values() for path in paths)}):
        assert exposure.read(path).status_code == 200, path
    assert exposure.read("/sitemap.xml").status_code == 200
    assert exposure.read("/api/v1/search", size=50).status_code == 200
    for item in built:
        for path in detail_paths(item):
            exposure.read(path)
        for word in filter(None, [item.marker, item.second_marker]):
            exposure.read("/api/v1/search", q=word, size=50)
            exposure.read("/api/v1/suggest", q=word)
    return exposure


def detail_paths(item):
    if item.spec.kind is Kind.NEWS:
        return [f"/api/v1/news/{item.page.pk}", f"/api/v1/news/by-slug/{item.page.slug}"]
    if item.spec.kind is Kind.PROCEDURE:
        return [f"/api/v1/procedures/{item.code}"]
    return []  # announcement decisions have no detail endpoint


def describe(item):
    later = " (restricted after going live)" if item.spec.restricted_later else ""
    return f"{item.spec.kind.value} {item.spec.state.value}{later}"


def leaks(exposure, built):
    """Hidden pages, and unpublished revisions of any page, found anywhere."""
    for item in built:
        if item.second_marker and exposure.where(item.second_marker):
            yield f"the unpublished revision of a {describe(item)} in {exposure.where(item.second_marker)}"
        if item.exposed:
            continue
        if exposure.where(item.marker):
            yield f"{describe(item)} in {exposure.where(item.marker)}"
        for path in detail_paths(item):
            if exposure.statuses[path] != 404:
                yield f"{describe(item)}: {path} answers {exposure.statuses[path]}, not 404"


def absences(exposure, built):
    """Exposed pages missing where they belong, so that finding no leak means something."""
    for item in built:
        if not item.exposed:
            continue
        expected = {
            API_LISTS[item.spec.kind],
            *detail_paths(item),
            "/sitemap.xml",
            "/api/v1/search?size=50",
            f"/api/v1/search?q={item.marker}&size=50",
            f"/api/v1/suggest?q={item.marker}",
            *FEEDS[item.spec.kind],
        }
        missing = expected - set(exposure.where(item.marker))
        if missing:
            yield f"{describe(item)} missing from {sorted(missing)}"


def related_problems(client, built):
    """The hub article names every article as related; only the exposed ones may show."""
    hub = built[-1]
    related = {link["id"] for link in client.get(f"/api/v1/news/{hub.page.pk}").json()["related"]}
    for item in built[:-1]:
        if item.spec.kind is Kind.NEWS and (item.page.pk in related) != item.exposed:
            yield f"related articles {'omit' if item.exposed else 'list'} a {describe(item)}"


def mirror_of_changes(client):
    """The keys a portal replaying /api/v1/changes from the start believes are published."""
    believed, since = {}, None
    while True:
        body = client.get("/api/v1/changes", {"since": since} if since else {}).json()
        for event in body["events"]:
            believed[event["id"]] = event["public"]
        since = body["next"]
        if not body["more"]:
            return {key for key, public in believed.items() if public}


def changes_feed_problems(client, built, site):
    """The changes feed carries ids only, but a portal mirroring it must end up holding exactly what is
    public: never told of a page nobody may see, always told when a page is withdrawn. A page whose
    expiry time has passed is the one exception: nothing is written at that moment, so the portal
    hears of it when the scheduler withdraws the page (within run_scheduler's minute)."""
    mirrored = mirror_of_changes(client)
    exposed = {item.key for item in built if item.exposed} | {f"procedure:{site.anchor.pk}"}
    pending = {item.key for item in built if item.spec.state is State.EXPIRY_PASSED}
    for item in built:
        if item.key in exposed - mirrored:
            yield f"the changes feed never announced a {describe(item)}"
        if item.key in mirrored - exposed - pending:
            yield f"the changes feed leaves a portal holding a {describe(item)}"


def assert_only_live_content(client, built, site):
    exposure = read_everything(client, built)
    problems = {
        *leaks(exposure, built),
        *absences(exposure, built),
        *related_problems(client, built),
        *changes_feed_problems(client, built, site),
    }
    assert not problems, "\n".join(sorted(problems))


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    # The site and client fixtures are shared by every example on purpose; rolled_back() and
    # fresh_index() reset everything an example writes.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(states.page_specs, min_size=1, max_size=6), index_before_changes=st.booleans())
@example(specs=states.EVERY_STATE_OF_EVERY_KIND, index_before_changes=True)
def test_only_live_public_content_is_ever_exposed(client, site, specs, index_before_changes):
    with rolled_back():
        for cache in caches.all():
            cache.clear()  # Wagtail's and the rate limiter's, filled by the example before
        built = build_history(site, specs, index_before_changes, now=timezone.now())
        assert_only_live_content(client, built, site)
