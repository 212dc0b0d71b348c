from wagtail.snippets.models import register_snippet

from .admin_views import SearchRecordsGroup

register_snippet(SearchRecordsGroup)
