"""`manage.py search_engine status` tells an operator what engine the site uses and whether it fits."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_status_prints_url_version_health_and_icu(search_engine):
    out = StringIO()
    call_command("search_engine", "status", stdout=out)
    text = out.getvalue()
    assert f"URL:      {search_engine.url}" in text
    assert "Version:  opensearch " in text
    assert any(f"Health:   {colour}" in text for colour in ("green", "yellow"))
    assert "org.opensearch.plugin.analysis.icu.AnalysisICUPlugin" in text


def test_status_of_an_unreachable_engine_is_a_command_error(settings):
    settings.SEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="does not answer"):
        call_command("search_engine", "status", stdout=StringIO())
