"""The English version of the contact page, at /en/contact/."""

from django.shortcuts import render
from django.utils import translation


def contact_en(request):
    with translation.override("en"):
        return render(request, "site_pages/contact_en.html", {"lang": "en"})
