"""Counts and rates as the site writes them, for the public pages and the admin's reports alike."""

from django.template.defaultfilters import floatformat
from django.utils import numberformat
from django.utils.formats import get_format


def grouped(number):
    """A count as Vietnamese write it, 12.345: Django's Vietnamese formats leave out the grouping
    (NUMBER_GROUPING is 0), so floatformat:"g" and intcomma print 12345."""
    if number is None or number == "":
        return ""
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def rate_text(value):
    """87,5% in Vietnamese, 100% for a whole number; a dash when nothing was resolved, since 0% would
    say every dossier was late."""
    if value is None:
        return "–"
    text = floatformat(value, -2)  # two decimals at most, in the active language's notation
    if get_format("DECIMAL_SEPARATOR") in text:
        text = text.rstrip("0")
    return f"{text}%"
