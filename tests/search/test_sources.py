"""Search takes its types from the publishing registry, in the order the content apps register them."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.publishing import registry
from search import sources


def test_the_searchable_types_are_the_registered_ones_with_their_keys():
    assert list(sources.TYPES) == ["news", "procedure", "notice"]
    for name, model in sources.TYPES.items():
        assert registry.get(name).model is model
        assert sources.TYPE_OF_MODEL[model] == name
    assert [sources.key_for("news", 42), sources.key_for("procedure", 7), sources.key_for("notice", 3)] == [
        "news:42",
        "procedure:7",
        "notice:3",
    ]
    assert sources.parse_key("procedure:7") == ("procedure", 7)
    assert sources.parse_key("page:7") is None
    assert sources.parse_key("news:x") is None


def test_a_source_for_a_type_the_core_does_not_know_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured):
        sources.register(sources.Source("questions", fields=lambda page, related: {}))
    assert "questions" not in sources.TYPES
