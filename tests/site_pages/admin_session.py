"""Drive Wagtail's admin over HTTP the way a browser would: read the form, fill it, post it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from tests.images import jpeg_bytes


class AdminSession:
    def __init__(self, user):
        self.user = user
        self.client = Client()
        self.client.force_login(user)

    def upload_image(self, title="Ảnh minh họa", alt="Cán bộ Sở làm việc tại xã"):
        response = self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": title,
                "description": alt,
                "credit": "Ảnh: Sở Dân tộc và Tôn giáo",
                "collection": "1",
                "file": SimpleUploadedFile("anh.jpg", jpeg_bytes(), content_type="image/jpeg"),
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        from wagtail.images import get_image_model

        return get_image_model().objects.get(title=title)

    def page_form(self, url, streams, **fields):
        page = self.client.get(url)
        assert page.status_code == 200, page.status_code
        data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
        # The StreamField editor is drawn by JavaScript, so its inputs are not in the HTML.
        data.update(nested_form_data({name: streamfield(blocks) for name, blocks in streams.items()}))
        for name, value in fields.items():
            data[name] = value
        return data

    def article_form(self, url, **fields):
        body = fields.pop("body", "<p>Nội dung bài viết.</p>")
        return self.page_form(url, {"body": [("paragraph", rich_text(body))]}, **fields)

    def create_page(self, parent, model, streams, action="submit", **fields):
        app_label, model_name = model.split(".")
        url = reverse("wagtailadmin_pages:add", args=(app_label, model_name.lower(), parent.pk))
        data = self.page_form(url, streams, **fields)
        data[f"action-{action}"] = "1"
        return self.client.post(url, data)

    def create_article(self, news_index, title, action, image=None, **fields):
        url = reverse("wagtailadmin_pages:add", args=("site_pages", "newsarticlepage", news_index.pk))
        data = self.article_form(
            url,
            title=title,
            summary=fields.pop("summary", "Tóm tắt bài viết."),
            slug="",
            **fields,
        )
        if image is not None:
            data["featured_image"] = str(image.pk)
        data[f"action-{action}"] = "1"
        return self.client.post(url, data)

    def edit_article(self, page, action, **fields):
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = self.article_form(url, **fields)
        data[f"action-{action}"] = "1"
        return self.client.post(url, data)

    def workflow_action(self, page, action, comment=""):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        assert task_state is not None, "the page is not in a workflow"
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        return self.client.post(url, {"comment": comment})
