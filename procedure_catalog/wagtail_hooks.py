from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .notices import STATUS_CHANGED, STATUS_CHANGED_LABEL


@hooks.register("register_log_actions")
def register_procedure_log_actions(actions):
    @actions.register_action(STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = STATUS_CHANGED_LABEL

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Status changed to “%(status)s” from %(date)s by decision %(notice)s") % {
                "status": data.get("status_label", data.get("status")),
                "date": data.get("effective_on"),
                "notice": data.get("notice"),
            }
