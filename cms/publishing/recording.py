"""Turns Wagtail's page signals and shared-object saves into events, in the changing transaction.

Only what the public could see is logged: a draft that was never public leaves no trace, and a
withdrawal is logged once, as a tombstone (public=False). A change to an object that other public
content shows (a category, an image, a procedure listed by a decision) is logged for each of those.
"""

import contextvars

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import log, registry
from .models import (
    CHANGED,
    CREATED,
    DELETED,
    EXPIRED,
    MOVED,
    PUBLISHED,
    SHARED_CHANGED,
    UNPUBLISHED,
)

# Pages whose deletion has begun. Wagtail unpublishes a live page just before deleting it; that
# unpublish is part of the deletion, which is logged as one "deleted" once the row is gone.
_being_deleted = contextvars.ContextVar("pages_being_deleted", default=frozenset())
WITHDRAWALS = (UNPUBLISHED, EXPIRED, DELETED)


def note(item, action):
    """Log `action` for a registered content item, if the public could see the difference."""
    content_type = registry.type_of(item)
    if content_type is None or item.pk is None:
        return None
    if action != DELETED and item.pk in _being_deleted.get():
        return None
    told = action
    public = action not in WITHDRAWALS and registry.is_public(item)
    last = log.last_event(content_type.key(item.pk))
    if public:
        if last is None:
            action = CREATED
        elif not last.public:
            action = PUBLISHED
        elif action == PUBLISHED:
            action = CHANGED
    else:
        if last is None:
            return None  # never public: nobody outside knew it
        if not last.public and (action != DELETED or last.action == DELETED):
            return None  # already withdrawn; only a later deletion is news
        if action not in WITHDRAWALS:
            action = UNPUBLISHED  # made private, or published for later: withdrawn for now
    event = log.record(content_type, item, action, public, payload(content_type, item))
    # A deletion tells its dependents before the rows that tie them go (on_delete_starting). What a
    # shared change reaches shows the shared object, not its dependent: going on would tell articles
    # that list each other of each other's news forever.
    if told not in (DELETED, SHARED_CHANGED):
        note_dependents(type(item), item)
    return event


def payload(content_type, item):
    """What the event keeps of the item as it was: paths, made absolute when served, so a new
    PUBLIC_BASE_URL reaches old events too."""
    parts = item.get_url_parts() if content_type.is_page else None
    return {
        "title": getattr(item, "title", None) or str(item),
        # The address it had; for a withdrawn or deleted page it no longer answers.
        "path": parts[2] if parts else None,
        "api_path": content_type.api_path(item),
    }


def note_dependents(model, instance):
    for content_type in registry.types().values():
        shows = content_type.depends_on.get(model)
        if shows is None:
            continue
        for dependent in shows(instance):
            note(dependent, SHARED_CHANGED)


def on_published(sender, instance, **kwargs):
    note(instance, PUBLISHED)


def on_unpublished(sender, instance, **kwargs):
    note(instance, EXPIRED if instance.expired else UNPUBLISHED)


def on_delete_starting(sender, instance, **kwargs):
    content_type = registry.type_of(instance)
    last = log.last_event(content_type.key(instance.pk)) if content_type else None
    if last is not None and last.public:
        note_dependents(type(instance), instance)
    _being_deleted.set(_being_deleted.get() | {instance.pk})


def on_deleted(sender, instance, **kwargs):
    _being_deleted.set(_being_deleted.get() - {instance.pk})
    note(instance, DELETED)


def on_moved(sender, instance, **kwargs):
    # A move changes the page's address, and those of everything below it.
    for page in instance.get_descendants(inclusive=True).specific():
        note(page, MOVED)


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is None:
        return
    for below in page.get_descendants(inclusive=True).specific():
        note(below, CHANGED)


def on_shared_saved(sender, instance, **kwargs):
    if kwargs.get("raw") or registry.is_content_model(sender):
        return  # loading fixtures; or content, whose own events already reach its dependents
    note_dependents(sender, instance)


def on_saved(sender, instance, **kwargs):
    if not kwargs.get("raw"):
        note(instance, CHANGED)


def watch(content_type):
    uid = f"publishing-{content_type.name}"
    if not content_type.is_page:
        # No publishing workflow: a saved change is public at once.
        post_save.connect(on_saved, sender=content_type.model, dispatch_uid=uid)
        post_delete.connect(on_deleted, sender=content_type.model, dispatch_uid=uid)
        return
    page_published.connect(on_published, sender=content_type.model, dispatch_uid=uid)
    page_unpublished.connect(on_unpublished, sender=content_type.model, dispatch_uid=uid)
    pre_delete.connect(on_delete_starting, sender=content_type.model, dispatch_uid=uid)
    post_delete.connect(on_deleted, sender=content_type.model, dispatch_uid=uid)
    for shared in content_type.depends_on:
        shared_uid = f"publishing-shared-{shared._meta.label}"
        post_save.connect(on_shared_saved, sender=shared, dispatch_uid=shared_uid)
        # Before the rows that tie it to content are gone with it.
        pre_delete.connect(on_shared_saved, sender=shared, dispatch_uid=shared_uid)
    post_page_move.connect(on_moved, dispatch_uid="publishing-moves")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="publishing-private")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="publishing-private")
