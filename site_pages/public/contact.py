"""The English version of the contact page, at /en/contact/."""

from django.shortcuts import redirect, render
from django.utils import translation

from site_pages.agency import AgencyIdentity
from site_pages.models import ContactPage


def contact_en(request):
    # Without an English name there is no English version to show: half a page in each language
    # helps no one, so the reader goes to the Vietnamese contact page.
    if not AgencyIdentity.for_request(request).name_en:
        contact = ContactPage.objects.live().first()
        return redirect(contact.url if contact else "/")
    with translation.override("en"):
        return render(request, "site_pages/contact_en.html", {"lang": "en"})
