"""The admin's "Tìm kiếm" menu: the records that change how a query is read, saved live at once."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .abbreviations import Abbreviation
from .promotions import Promotion
from .thesaurus import SynonymGroup


class PrefilledCreateView(CreateView):
    """A create form that starts from `?<field>=` in the address: the search report links to it
    with what citizens typed."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        if self.request.method == "GET":
            field = self.model.snippet_viewset.prefill
            setattr(instance, field, self.request.GET.get(field, "")[:200])
        return instance


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    icon = "doc-full"
    list_display = ["short", "expansion"]


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    add_view_class = PrefilledCreateView
    prefill = "terms"
    list_display = ["__str__", "kind"]


class PromotionViewSet(SnippetViewSet):
    model = Promotion
    icon = "pick"
    add_view_class = PrefilledCreateView
    prefill = "query"
    list_display = ["query", "page", "sort_order", "expires_at"]


class SearchRecordsGroup(SnippetViewSetGroup):
    menu_label = _("Search settings")
    menu_icon = "search"
    menu_order = 500
    items = (AbbreviationViewSet, SynonymGroupViewSet, PromotionViewSet)
