from django import template

from site_pages.public.chrome import main_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """{% main_menu_items as items %}: (item, aria-current value or None) for each main menu link."""
    request = context.get("request")
    return main_menu(request.path if request else "")
