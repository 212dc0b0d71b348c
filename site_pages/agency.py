"""The agency's identity: configuration an administrator edits, never text in the code."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class AgencyIdentity(BaseSiteSetting):
    name = models.CharField(_("agency name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    document_suffix = models.CharField(
        _("document-number suffix"),
        max_length=32,
        blank=True,
        help_text=_("The issuer part of document numbers, for example SDTTG in 12/QĐ-SDTTG."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # The English contact page (/en/contact/) reads these; government sites must have one.
    name_en = models.CharField(_("agency name in English"), max_length=255, blank=True)
    address_en = models.CharField(_("address in English"), max_length=255, blank=True)
    about_en = models.TextField(
        _("functions and duties in English"),
        blank=True,
        help_text=_("A short paragraph for the English contact page."),
    )

    class Meta:
        verbose_name = _("agency identity")
