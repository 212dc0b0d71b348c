"""Who may change an image or a document: its uploader, unless live content uses it.

Wagtail lets whoever uploaded a file edit, replace or delete it. A file that a published page
shows reaches citizens the moment it changes, with no approval, so once live content uses it
only a role with collection-wide "change" (leaders and administrators) may touch it. Every admin
route (edit, replace, delete, multiple-upload edit, bulk actions) asks this policy per object.
"""

from wagtail.models import ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

GUARDED_ACTIONS = {"change", "delete"}


def used_by_live_content(instance):
    """Whether a live page, or a record without drafts (shown as saved), refers to the file."""
    for source, _references in ReferenceIndex.get_references_to(instance).group_by_source_object():
        if source is not None and getattr(source, "live", True):
            return True
    return False


class LiveMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        guarded = GUARDED_ACTIONS & set(actions)
        if not guarded or self._check_perm(user, ["change"], collection=instance.collection):
            return super().user_has_any_permission_for_instance(user, actions, instance)
        if used_by_live_content(instance):
            others = set(actions) - guarded
            return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_policies():
    """Replaces the policies Wagtail registers for the image and document models, keeping their terms."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = LiveMediaPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        # exact_class wins over the policy Wagtail registers for the same model, whichever comes last.
        register_permission_policy(model, policy, exact_class=True)
