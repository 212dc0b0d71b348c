"""Two editors save the same page at once: the later one is told, and nothing is silently overwritten."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Revision
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from procedure_catalog.models import ProcedurePage
from site_pages import edit_conflicts
from site_pages.editorial_roles import APPROVERS, EDITORS
from tests.factories import NewsArticlePageFactory, ProcedureIndexPageFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db

KEEP_MINE = "edit_conflict_keep_mine"


@pytest.fixture
def article():
    return NewsArticlePageFactory(summary="Tóm tắt ban đầu.")


@pytest.fixture
def first():
    return AdminSession(role_user(EDITORS, first_name="Nguyễn Văn", last_name="A"))


@pytest.fixture
def second():
    return AdminSession(role_user(APPROVERS, first_name="Trần Thị", last_name="B"))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def with_body(data, body):
    # The StreamField editor is drawn by JavaScript, so the browser, not the HTML, supplies its inputs.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(body))])}))
    return data


def open_article(session, page, summary, body):
    """What the browser holds after the editor opens the page and types, hidden revision fields included."""
    return session.article_form(edit_url(page), summary=summary, body=body)


def save(session, page, data, action="save"):
    return session.client.post(edit_url(page), {**data, f"action-{action}": "1"})


def form_shown_again(response, body):
    """The form as the refused editor's browser now holds it, ready to send again."""
    return with_body(querydict_from_html(response.content.decode(), form_id="page-edit-form"), body)


def keep_mine(response, data):
    """Tick "Keep my version", as the editor would after looking at the other version."""
    box = WagtailTestUtils.get_soup(response.content.decode()).find("input", attrs={"name": KEEP_MINE})
    assert box is not None, "no “Keep my version” choice was offered"
    data[KEEP_MINE] = box["value"]
    return data


def latest(page):
    return page.specific_class.objects.get(pk=page.pk).get_latest_revision()


def shown_time(revision):
    return date_format(timezone.localtime(revision.created_at), "H:i")


def assert_refused_naming(response, revision, name):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    message = edit_conflicts.conflict_message(revision)
    assert name in message and shown_time(revision) in message
    assert WagtailTestUtils.get_soup(message).text in WagtailTestUtils.get_soup(html).text
    assert reverse("wagtailadmin_pages:history", args=(revision.object_id,)) in html


def test_a_save_from_a_form_older_than_someone_elses_save_is_refused_until_they_choose(
    article, first, second
):
    mine = open_article(first, article, "Tóm tắt do A sửa.", "<p>Đoạn của A.</p>")
    theirs = open_article(second, article, "Tóm tắt do B sửa.", "<p>Đoạn của B.</p>")

    assert save(first, article, mine).status_code == 302
    a_revision = latest(article)
    refused = save(second, article, theirs)

    assert_refused_naming(refused, a_revision, "Nguyễn Văn A")
    # Nothing B typed is lost: the form comes back with it.
    assert "Tóm tắt do B sửa." in refused.content.decode()
    # A's save stands, as the latest revision and as the draft everyone now opens.
    assert latest(article) == a_revision
    assert a_revision.user == first.user
    assert a_revision.as_object().summary == "Tóm tắt do A sửa."
    assert "Tóm tắt do A sửa." in second.client.get(edit_url(article)).content.decode()
    # The warning links to what A changed since B opened the page.
    compare = WagtailTestUtils.get_soup(refused.content.decode()).select_one("#edit-conflict a")["href"]
    comparison = second.client.get(compare)
    assert comparison.status_code == 200
    assert "Đoạn của A." in comparison.content.decode()

    # B looks at A's version, ticks "Keep my version" and saves again: a new revision, A's kept.
    again = keep_mine(refused, form_shown_again(refused, "<p>Đoạn của B.</p>"))
    assert save(second, article, again).status_code == 302

    history = list(article.revisions.order_by("created_at", "pk"))
    assert [revision.user for revision in history[-2:]] == [first.user, second.user]
    assert history[-2].as_object().summary == "Tóm tắt do A sửa."
    assert latest(article).as_object().summary == "Tóm tắt do B sửa."
    history_page = second.client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert "Nguyễn Văn A" in history_page.content.decode()


def test_sending_the_refused_form_again_without_choosing_is_refused_again(article, first, second):
    mine = open_article(first, article, "Tóm tắt do A sửa.", "<p>Đoạn của A.</p>")
    theirs = open_article(second, article, "Tóm tắt do B sửa.", "<p>Đoạn của B.</p>")
    save(first, article, mine)
    refused = save(second, article, theirs)

    # Wagtail re-renders its own loaded revision as the newest one; resending must still not overwrite.
    again = save(second, article, form_shown_again(refused, "<p>Đoạn của B.</p>"))

    assert_refused_naming(again, latest(article), "Nguyễn Văn A")
    assert latest(article).user == first.user


def test_the_autosave_wagtail_fires_after_the_refusal_does_not_save_over_theirs(article, first, second):
    mine = open_article(first, article, "Tóm tắt do A sửa.", "<p>Đoạn của A.</p>")
    theirs = open_article(second, article, "Tóm tắt do B sửa.", "<p>Đoạn của B.</p>")
    save(first, article, mine)
    refused = save(second, article, theirs)

    autosave = second.client.post(
        edit_url(article),
        form_shown_again(refused, "<p>Đoạn của B.</p>"),
        headers={"Accept": "application/json"},
    )

    assert autosave.json()["success"] is False
    assert latest(article).user == first.user
    assert latest(article).as_object().summary == "Tóm tắt do A sửa."


def test_the_choice_covers_only_the_version_it_was_made_about(article, first, second):
    theirs = open_article(second, article, "Bản B.", "<p>B.</p>")
    save(first, article, open_article(first, article, "A lần một.", "<p>A.</p>"))
    refused = save(second, article, theirs)
    chosen = keep_mine(refused, form_shown_again(refused, "<p>B.</p>"))

    # A saves once more while B is deciding: B chose to replace the version B saw, not this one.
    save(first, article, open_article(first, article, "A lần hai.", "<p>A.</p>"))
    refused_again = save(second, article, chosen)

    assert_refused_naming(refused_again, latest(article), "Nguyễn Văn A")
    assert latest(article).as_object().summary == "A lần hai."


def test_the_same_editor_saving_twice_from_one_form_is_not_refused(article, first):
    data = open_article(first, article, "Lần một.", "<p>Một.</p>")
    assert save(first, article, data).status_code == 302

    # The same form again (a second click, or the back button): the newer revision is their own.
    data["summary"] = "Lần hai."
    assert save(first, article, data).status_code == 302
    assert latest(article).as_object().summary == "Lần hai."
    assert latest(article).user == first.user


def test_a_form_left_open_saves_when_nobody_else_saved(article, first, second):
    data = open_article(second, article, "Để lâu rồi mới lưu.", "<p>B.</p>")
    # Someone merely looks at the page in the meantime.
    assert first.client.get(edit_url(article)).status_code == 200

    assert save(second, article, data, action="publish").status_code == 302
    article.refresh_from_db()
    assert article.summary == "Để lâu rồi mới lưu."


@pytest.mark.parametrize(
    ("role", "action"),
    [(EDITORS, "save"), (EDITORS, "submit"), (APPROVERS, "publish")],
    ids=["save-draft", "submit-for-approval", "publish"],
)
def test_every_way_of_saving_from_a_stale_form_is_refused(article, first, role, action):
    late = AdminSession(role_user(role))
    theirs = open_article(late, article, "Tóm tắt cũ của người đến sau.", "<p>Sau.</p>")
    save(first, article, open_article(first, article, "Tóm tắt do A sửa.", "<p>A.</p>"))
    live_before = article.specific_class.objects.get(pk=article.pk).live_revision

    response = save(late, article, theirs, action=action)

    assert_refused_naming(response, latest(article), "Nguyễn Văn A")
    article.refresh_from_db()
    assert latest(article).user == first.user
    assert article.live_revision == live_before
    assert article.summary == "Tóm tắt ban đầu."  # what the public sees
    assert not article.workflow_states.exists()


def test_a_procedure_page_is_guarded_too(first, second):
    section = ProcedureIndexPageFactory()
    procedure = section.add_child(
        instance=ProcedurePage(title="Thủ tục công nhận người có uy tín", code="1.012224", level="commune")
    )
    procedure.save_revision().publish()
    url = edit_url(procedure)
    parts = {"steps": [], "channels": [], "cases": [], "legal_bases": []}
    mine = first.page_form(url, parts, results="Quyết định công nhận (bản A).")
    theirs = second.page_form(url, parts, results="Quyết định công nhận (bản B).")

    assert first.client.post(url, mine).status_code == 302
    refused = second.client.post(url, {**theirs, "action-publish": "1"})

    assert_refused_naming(refused, latest(procedure), "Nguyễn Văn A")
    assert "Quyết định công nhận (bản B)." in refused.content.decode()
    assert latest(procedure).as_object().results == "Quyết định công nhận (bản A)."
    procedure.refresh_from_db()
    assert procedure.results == ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_cannot_both_pass_the_check(monkeypatch):
    """A's POST arrives between B's check and B's save: it must wait for B, then be refused."""
    article = NewsArticlePageFactory(summary="Tóm tắt ban đầu.")
    first = AdminSession(role_user(EDITORS, first_name="Nguyễn Văn", last_name="A"))
    second = AdminSession(role_user(APPROVERS, first_name="Trần Thị", last_name="B"))
    mine = open_article(first, article, "Tóm tắt do A sửa.", "<p>A.</p>")
    theirs = open_article(second, article, "Tóm tắt do B sửa.", "<p>B.</p>")

    answers = {}

    def first_saves():
        try:
            answers["first"] = save(first, article, mine)
        finally:
            connection.close()

    racer = threading.Thread(target=first_saves)
    check = edit_conflicts.newest_revision_by_others

    def check_then_let_first_in(page, user, since):
        found = check(page, user, since)
        if user == second.user and not racer.is_alive() and "first" not in answers:
            racer.start()
            racer.join(timeout=2)  # without serialization, A's whole save fits in here
            answers["first_done_inside_the_window"] = not racer.is_alive()
        return found

    monkeypatch.setattr(edit_conflicts, "newest_revision_by_others", check_then_let_first_in)
    answers["second"] = save(second, article, theirs)
    racer.join(timeout=30)

    assert answers["first_done_inside_the_window"] is False
    assert answers["second"].status_code == 302
    assert answers["first"].status_code == 200
    b_revision = latest(article)
    assert b_revision.user == second.user
    assert_refused_naming(answers["first"], b_revision, "Trần Thị B")
    assert not Revision.objects.filter(user=first.user).exists()
