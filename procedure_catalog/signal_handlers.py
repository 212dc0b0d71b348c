from wagtail.signals import page_published, page_unpublished

from .models import ProcedureNoticePage
from .notices import schedule_changes, withdraw_changes


def on_notice_published(sender, instance, **kwargs):
    schedule_changes(instance)


def on_notice_unpublished(sender, instance, **kwargs):
    withdraw_changes(instance)


def register_signal_handlers():
    page_published.connect(on_notice_published, sender=ProcedureNoticePage)
    page_unpublished.connect(on_notice_unpublished, sender=ProcedureNoticePage)


def unregister_signal_handlers():
    page_published.disconnect(on_notice_published, sender=ProcedureNoticePage)
    page_unpublished.disconnect(on_notice_unpublished, sender=ProcedureNoticePage)
