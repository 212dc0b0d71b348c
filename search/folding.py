"""The folding the index applies, for Python code that must agree with it."""

import unicodedata


def fold(text):
    """Lower-case, no tone marks, đ -> d: the same folding the index applies."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text or "").lower().replace("đ", "d"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())
