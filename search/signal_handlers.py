"""Every change that can alter what the public may find queues an index update, in its transaction."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .sources import TYPES
from .sync import enqueue


def with_decisions_listing(page):
    """The page, and for a procedure the decisions that list it: their documents name only the
    procedures the public may see, so they change when it appears or disappears."""
    from procedure_catalog.models import ProcedureNoticePage, ProcedurePage

    yield page
    if isinstance(page, ProcedurePage):
        yield from ProcedureNoticePage.objects.filter(entries__procedure=page).distinct()


def on_published(sender, instance, **kwargs):
    for page in with_decisions_listing(instance):
        enqueue(page)


def on_unpublished(sender, instance, **kwargs):
    for page in with_decisions_listing(instance):
        enqueue(page)  # the worker sees a withdrawn page is no longer live and deletes it


def on_deleted(sender, instance, **kwargs):
    enqueue(instance, action="delete")


def on_moved(sender, instance, **kwargs):
    # A move changes the page's URL and path, and those of everything below it.
    for page in instance.get_descendants(inclusive=True).specific():
        enqueue(page)


def on_restriction_changed(sender, instance, **kwargs):
    for below in instance.page.get_descendants(inclusive=True).specific():
        for page in with_decisions_listing(below):
            enqueue(page)


def on_status_changed(sender, instance, **kwargs):
    enqueue(instance)


def register_signal_handlers():
    from procedure_catalog.notices import procedure_status_changed

    procedure_status_changed.connect(on_status_changed)
    for model in TYPES.values():
        page_published.connect(on_published, sender=model)
        page_unpublished.connect(on_unpublished, sender=model)
        post_delete.connect(on_deleted, sender=model)
    post_page_move.connect(on_moved)
    post_save.connect(on_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction)
