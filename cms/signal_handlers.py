"""The changes feed records every publish, withdrawal, move and status change of syndicated content.

Webhook deliveries are queued from the same places, in the same transaction (cms/webhooks/events.py).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.sources import TYPES

from .changes import ContentChange, record
from .webhooks.events import announce_change, announce_deletion, deletion_starting


def on_published(sender, instance, **kwargs):
    announce_change(record(instance, ContentChange.UPDATED), instance)


def on_unpublished(sender, instance, **kwargs):
    announce_change(record(instance, ContentChange.DELETED), instance)


def on_deleted(sender, instance, **kwargs):
    record(instance, ContentChange.DELETED)
    announce_deletion(instance)


def on_moved(sender, instance, **kwargs):
    for page in instance.get_descendants(inclusive=True).live().specific():
        announce_change(record(page, ContentChange.UPDATED), page)


def on_restriction_changed(sender, instance, **kwargs):
    # Made private, a page is withdrawn for the portal (record() turns the update into a deletion);
    # made public again, it is published anew.
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is None:
        return
    for descendant in page.get_descendants(inclusive=True).live().specific():
        announce_change(record(descendant, ContentChange.UPDATED), descendant)


def on_status_changed(sender, instance, **kwargs):
    announce_change(record(instance, ContentChange.UPDATED), instance)


def register_signal_handlers():
    from procedure_catalog.notices import procedure_status_changed

    for model in TYPES.values():
        page_published.connect(on_published, sender=model)
        page_unpublished.connect(on_unpublished, sender=model)
        post_delete.connect(on_deleted, sender=model)
        pre_delete.connect(deletion_starting, sender=model)
    post_page_move.connect(on_moved)
    post_save.connect(on_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction)
    procedure_status_changed.connect(on_status_changed)
