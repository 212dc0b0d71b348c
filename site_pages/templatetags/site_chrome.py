from django import template

from cms.number_formats import grouped
from site_pages.public.chrome import main_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """{% main_menu_items as items %}: (item, aria-current value or None) for each main menu link."""
    request = context.get("request")
    return main_menu(request.path if request else "")


@register.filter
def tel_href(phone):
    """The digits of a phone number as a tel: address ("0212 3852 025" -> "tel:02123852025"), or ""
    when the text holds too few digits to dial (a note such as "xem trang liên hệ")."""
    text = str(phone or "")
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 6:
        return ""
    return "tel:" + ("+" if text.lstrip().startswith("+") else "") + digits


register.filter("grouped", grouped)
