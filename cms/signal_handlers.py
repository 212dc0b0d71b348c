"""The changes feed records every publish, withdrawal, move and status change of syndicated content."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.sources import TYPES

from .changes import ContentChange, record


def on_published(sender, instance, **kwargs):
    record(instance, ContentChange.UPDATED)


def on_unpublished(sender, instance, **kwargs):
    record(instance, ContentChange.DELETED)


def on_deleted(sender, instance, **kwargs):
    record(instance, ContentChange.DELETED)


def on_moved(sender, instance, **kwargs):
    for page in instance.get_descendants(inclusive=True).live().specific():
        record(page, ContentChange.UPDATED)


def on_status_changed(sender, instance, **kwargs):
    record(instance, ContentChange.UPDATED)


def register_signal_handlers():
    from procedure_catalog.notices import procedure_status_changed

    for model in TYPES.values():
        page_published.connect(on_published, sender=model)
        page_unpublished.connect(on_unpublished, sender=model)
        post_delete.connect(on_deleted, sender=model)
    post_page_move.connect(on_moved)
    procedure_status_changed.connect(on_status_changed)
