"""A page past its expiry time is gone from the public site at once, not at the scheduler's next run."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_article_is_not_served_after_its_expiry_time_even_before_the_scheduler_runs(client):
    article = NewsArticlePageFactory(
        title="Thông báo tuyển dụng", expire_at=timezone.now() + timedelta(hours=1)
    )
    assert client.get(article.url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert client.get(article.url).status_code == 404
