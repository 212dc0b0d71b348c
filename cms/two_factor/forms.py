import re

from django import forms
from django.utils.translation import gettext_lazy as _

CODE_DIGITS = 6  # TOTPDevice's default, which every device we create keeps


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("6-digit code"),
        # Room for the space some apps show in the middle ("123 456"), which is dropped below.
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                # Lets phones offer the code from the authenticator app or a password manager.
                "autocomplete": "one-time-code",
                "autofocus": True,
                "size": 8,
            }
        ),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(rf"[0-9]{{{CODE_DIGITS}}}", code):
            raise forms.ValidationError(_("Enter the 6 digits your authenticator app shows."))
        return code
