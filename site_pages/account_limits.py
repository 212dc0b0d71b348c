"""No one grants through the user admin more than they hold: superuser status stays with superusers.

"Quản trị" manages accounts, but Wagtail lets anyone who may add users tick "Administrator"
(superuser) and open a superuser's account. These hooks refuse both before the view runs, on
every route that saves an account (add, edit; delete is already refused by Wagtail).
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import GroupCollectionPermission, GroupPagePermission


def asks_for_superuser(request):
    return request.method == "POST" and forms.BooleanField().to_python(request.POST.get("is_superuser"))


def grants_more_than_held(request):
    """Whether the groups posted hold a permission the requesting user does not.

    Counts model permissions and the page-tree and collection permissions groups carry, each
    compared at the same page or collection.
    """
    group_ids = [value for value in request.POST.getlist("groups") if value.isdigit()]
    if request.method != "POST" or not group_ids:
        return False
    user = request.user
    held = user.get_all_permissions()
    granted = Permission.objects.filter(group__in=group_ids).values_list(
        "content_type__app_label", "codename"
    )
    if any(f"{app_label}.{codename}" not in held for app_label, codename in granted):
        return True
    for through, place in ((GroupPagePermission, "page_id"), (GroupCollectionPermission, "collection_id")):
        mine = set(through.objects.filter(group__user=user).values_list(place, "permission_id"))
        given = set(through.objects.filter(group__in=group_ids).values_list(place, "permission_id"))
        if given - mine:
            return True
    return False


def refuse_escalation(request, account=None):
    if request.user.is_superuser:
        return
    if (account is not None and account.is_superuser) or asks_for_superuser(request):
        raise PermissionDenied
    if grants_more_than_held(request):
        raise PermissionDenied


@hooks.register("before_create_user")
def no_escalation_on_create(request):
    refuse_escalation(request)


@hooks.register("before_edit_user")
def no_escalation_on_edit(request, user):
    refuse_escalation(request, user)


@hooks.register("before_delete_user")
def no_superuser_deleted(request, user):
    refuse_escalation(request, user)
