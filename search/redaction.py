"""Personal data a citizen may type into a search box, replaced before a query is stored.

Citizens paste their phone number, e-mail or ID card number along with the question ("mất CCCD
034095001234 làm lại ở đâu"). Those become placeholders. Procedure codes (1.012223, 1.012223.H56),
document numbers (12/2018/QĐ-TTg) and amounts of money (1.500.000) are what the query is about, so
they are set aside first and survive.
"""

import re

# Stored data, not interface text: the same words whatever language the page was asked in.
PHONE_PLACEHOLDER = "[số điện thoại]"
EMAIL_PLACEHOLDER = "[email]"
ID_PLACEHOLDER = "[số giấy tờ]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Kept as typed: a procedure code, a document number with its slashes, an amount grouped in thousands
# (phones and ID numbers start with 0 or +84, or are written without dots).
KEPT = re.compile(
    r"(?<![\w.])\d\.\d{6}(?:\.[^\W\d_]\d{2})?(?![\w.])"
    r"|(?<![\w.])\d{1,5}/[\w/.\-]+"
    r"|(?<![\w.])[1-9]\d{0,2}(?:\.\d{3})+(?![\w.])"
)
# A run of digits, perhaps after +, broken by single spaces, dots or hyphens: "0912 345 678".
NUMBER = re.compile(r"(?<![\w.+])\+?\d(?:[ .\-]?\d)+(?![\w])")
SENTINEL = "\x00{}\x00"
SENTINEL_BACK = re.compile(r"\x00(\d+)\x00")


def _number_placeholder(match):
    text = match.group()
    digits = re.sub(r"\D", "", text)
    if not 9 <= len(digits) <= 12:
        return text
    if text.startswith("+84") or (digits.startswith("0") and len(digits) in (10, 11)):
        return PHONE_PLACEHOLDER
    if text.startswith("84") and len(digits) in (11, 12):
        return PHONE_PLACEHOLDER
    return ID_PLACEHOLDER


def redact(text):
    kept = []

    def set_aside(match):
        kept.append(match.group())
        return SENTINEL.format(len(kept) - 1)

    text = EMAIL.sub(EMAIL_PLACEHOLDER, text)
    text = KEPT.sub(set_aside, text)
    text = NUMBER.sub(_number_placeholder, text)
    return SENTINEL_BACK.sub(lambda match: kept[int(match.group(1))], text)
