"""The folding the index applies, for Python code that must agree with it."""

import re
import unicodedata


def fold(text):
    """Lower-case, no tone marks, đ -> d: the same folding the index applies."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text or "").lower().replace("đ", "d"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def words(text):
    """The folded syllables of a text, punctuation dropped: how a typed query and an editor's term
    are compared, so "Người uy tín?" and "nguoi  uy tin" are the same words."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).replace("_", " ").split())
