"""The admin's sign-in form with Vietnamese labels.

Wagtail's form leaves the password field without a label, so Django shows the field's name,
"Password", in English; and its placeholder puts the user model's capitalised field name inside a
sentence ("Nhập Tên đăng nhập của bạn").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class VietnameseLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["placeholder"] = _("Enter your username")
        self.fields["password"].label = _("Password")
