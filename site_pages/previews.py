"""Headless preview: the admin's preview of a page, drawn by the front end instead of our templates.

With HEADLESS_PREVIEW_URL set, previewing a news article, procedure or announcement stores a
snapshot of the page as the editor's form holds it (saved or not) and sends the preview frame to
the front end with a signed token; the front end reads the snapshot from GET /api/v1/preview/<token>.

Only someone who may edit (or publish) the page can make a snapshot. The token alone is the key:
whoever holds it can read that one snapshot until it expires (HEADLESS_PREVIEW_MAX_AGE seconds), so
it travels only in the preview frame's address and is never linked from public pages.
"""

import uuid
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import checks, signing
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone

from cms.publishing import registry

# Keeps these signatures apart from every other value the site signs with the same SECRET_KEY.
SIGNING_SALT = "headless-preview"
# The live preview panel makes a snapshot each time the editor pauses; a frame still loading an
# earlier one must find it, but an hour of typing should not fill the table.
KEPT_PER_EDITOR_AND_PAGE = 10


class HeadlessPreview(models.Model):
    """One previewed state of a page, readable with its token until the token expires."""

    # Tokens name this random key rather than the primary key, which SQLite may hand out again
    # after a purge: an old token must never open somebody's newer snapshot.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # Empty while the page is being created; a deleted page takes its snapshots with it.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    @classmethod
    def store(cls, page, user):
        cls.objects.filter(created_at__lt=timezone.now() - max_age()).delete()
        content_type = ContentType.objects.get_for_model(page)
        snapshot = cls.objects.create(
            content_type=content_type, page_id=page.pk, user=user, content=page.serializable_data()
        )
        superseded = (
            cls.objects.filter(content_type=content_type, page_id=page.pk, user=user)
            .order_by("-created_at", "-pk")
            .values_list("pk", flat=True)[KEPT_PER_EDITOR_AND_PAGE:]
        )
        cls.objects.filter(pk__in=list(superseded)).delete()
        return snapshot

    @classmethod
    def for_token(cls, token):
        """Raises signing.SignatureExpired, signing.BadSignature or HeadlessPreview.DoesNotExist."""
        key = signer().unsign(token, max_age=max_age())
        return cls.objects.select_related("content_type").get(key=key)

    @property
    def token(self):
        return signer().sign(self.key.hex)

    def restored_page(self):
        # check_fks drops links to images or pages deleted since, as Wagtail does for revisions.
        return self.content_type.model_class().from_serializable_data(
            self.content, check_fks=True, strict_fks=False
        )


def signer():
    return signing.TimestampSigner(salt=SIGNING_SALT)


def max_age():
    return timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE)


def front_end_url(token, type_name):
    parts = urlsplit(settings.HEADLESS_PREVIEW_URL)
    query = urlencode([*parse_qsl(parts.query), ("token", token), ("type", type_name)])
    return urlunsplit(parts._replace(query=query))


def may_preview(user, page):
    if not user.is_authenticated:
        return False
    if page.pk is None:  # being created: adding under the parent is what counts
        return page.get_parent().permissions_for_user(user).can_add_subpage()
    permissions = page.permissions_for_user(user)
    # Approvers preview what they are asked to publish, as Wagtail's "view draft" lets them.
    return permissions.can_edit() or permissions.can_publish()


class HeadlessPreviewMixin:
    """For page types the front end draws: their admin preview opens the front end when configured.

    Wagtail calls serve_preview with the page built from the editor's unsaved form, on a request
    that carries the editor's session, so the snapshot is exactly what the editor is looking at.
    """

    def serve_preview(self, request, mode_name):
        if not settings.HEADLESS_PREVIEW_URL:
            return super().serve_preview(request, mode_name)
        if not may_preview(request.user, self):
            raise PermissionDenied
        snapshot = HeadlessPreview.store(self, request.user)
        return HttpResponseRedirect(front_end_url(snapshot.token, registry.type_of(self).name))


@checks.register(checks.Tags.compatibility)
def check_preview_settings(app_configs, **kwargs):
    errors = []
    url = settings.HEADLESS_PREVIEW_URL
    if url and (urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc):
        errors.append(
            checks.Error(
                f"HEADLESS_PREVIEW_URL must be an absolute http(s) address, not {url!r}",
                hint="For example https://portal.example/preview, or empty for Wagtail's own preview.",
                id="site_pages.E001",
            )
        )
    if settings.HEADLESS_PREVIEW_MAX_AGE <= 0:
        message = "HEADLESS_PREVIEW_MAX_AGE must be a positive number of seconds"
        errors.append(checks.Error(message, id="site_pages.E002"))
    return errors
