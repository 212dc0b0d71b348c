"""The announcements list (every published decision, newest first) and one decision's page."""

from django.db.models import Count, Q

from cms.publishing.visibility import publicly_visible
from site_pages.public.paging import paginate

from ..vocabulary import NoticeChange

PER_PAGE = 20


def with_change_counts(notices):
    return notices.annotate(
        new_count=Count("entries", filter=Q(entries__change=NoticeChange.NEW)),
        amended_count=Count("entries", filter=Q(entries__change=NoticeChange.AMENDED)),
        abolished_count=Count("entries", filter=Q(entries__change=NoticeChange.ABOLISHED)),
    )


def notice_index_context(page, request, context):
    from ..models import ProcedureNoticePage

    notices = with_change_counts(publicly_visible(ProcedureNoticePage.objects.all())).order_by(
        "-decision_date", "-pk"
    )
    pages = paginate(request, notices, PER_PAGE)
    context.update(pages=pages, notices=pages.page.object_list)
    return context


def notice_context(page, request, context):
    """The decision's entries naming public procedures, each linked, and breadcrumbs through the
    announcements list, where citizens look for decisions (the page itself lives under the
    catalogue in the tree)."""
    from site_pages.models import HomePage, NoticeIndexPage

    context.update(
        entries=list(page.public_entries()),
        home=publicly_visible(HomePage.objects.ancestor_of(page)).first(),
        notice_index=publicly_visible(NoticeIndexPage.objects.all()).first(),
    )
    return context
