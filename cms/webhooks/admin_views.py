"""Admin screens: administrators manage subscribers and read the delivery log (which nobody edits)."""

from django import forms
from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import EVENT_CHOICES, WebhookDelivery, WebhookSubscriber, new_secret


class SubscriberForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=WebhookSubscriber._meta.get_field("url").verbose_name,
        max_length=500,
        assume_scheme="https",
        help_text=WebhookSubscriber._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    rotate_secret = forms.BooleanField(
        label=_("Generate a new secret"),
        required=False,
        help_text=_("The current secret stops working at once: give the new one to the subscriber."),
    )

    def save(self, commit=True):
        if self.cleaned_data.get("rotate_secret"):
            self.instance.secret = new_secret()
        return super().save(commit=commit)


SUBSCRIBER_PANELS = [FieldPanel("name"), FieldPanel("url"), FieldPanel("events"), FieldPanel("active")]
# The secret is made when the subscriber is saved, so it is shown from the edit screen on.
SUBSCRIBER_EDIT_PANELS = [
    *SUBSCRIBER_PANELS,
    FieldPanel("secret", read_only=True),
    FieldPanel("rotate_secret"),
]


class SubscriberCreateView(CreateView):
    def get_success_url(self):
        # Straight to the edit screen, where the secret made on save is shown to pass on.
        return reverse(self.edit_url_name, args=(quote(self.object.pk),))


def bound(panels):
    return ObjectList(panels, base_form_class=SubscriberForm).bind_to_model(WebhookSubscriber)


class SubscriberViewSet(ModelViewSet):
    model = WebhookSubscriber
    add_view_class = SubscriberCreateView
    icon = "link"
    menu_label = _("Subscribers")
    edit_handler = ObjectList(SUBSCRIBER_PANELS, base_form_class=SubscriberForm)
    list_display = [
        "name",
        "url",
        Column("events_display", label=_("Events")),
        BooleanColumn("active", label=_("Active")),
        DateColumn("created_at", label=_("Created")),
    ]
    search_fields = ["name", "url"]
    copy_view_enabled = False

    def get_edit_view_kwargs(self, **kwargs):
        panel = bound(SUBSCRIBER_EDIT_PANELS)
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)


class DeliveryLogViewSet(ModelViewSet):
    """Read-only: the worker writes these rows; an administrator reads why a subscriber is behind."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Delivery log")
    list_display = [
        "content_key",
        "subscriber",
        "event",
        "status",
        Column("attempts", label=_("Attempts")),
        "last_status_code",
        Column("last_duration_ms", label=_("Answer time (ms)")),
        Column("last_error", label=_("Last error"), accessor=lambda delivery: delivery.last_error[:120]),
        DateColumn("next_attempt_at", label=_("Next attempt")),
        DateColumn("created_at", label=_("Created")),
    ]
    list_filter = ["status", "event", "subscriber"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subscriber",
        "event",
        "content_key",
        "idempotency_key",
        "status",
        "attempts",
        "last_status_code",
        "last_attempt_at",
        "last_duration_ms",
        "last_error",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "payload",
    ]
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=WebhookDelivery.objects.select_related("subscriber"), **kwargs
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **dict.fromkeys(
                ("add_url_name", "edit_url_name", "delete_url_name", "usage_url_name", "history_url_name")
            ),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class WebhooksGroup(ModelViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    items = (SubscriberViewSet("webhook_subscribers"), DeliveryLogViewSet("webhook_deliveries"))
