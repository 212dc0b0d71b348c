"""Find what a Vietnamese reader would see as broken in a screen's text: English UI words, and
Vietnamese words run together without a space ("Phê chuẩnvà Xuất bản").

Every Vietnamese word is one syllable between spaces, and a syllable has a fixed shape: an
initial consonant, one to three vowels, an optional final consonant. Folded (no marks, đ -> d),
a word that does not have that shape is either English ("Password", "ago") or two syllables
joined ("chuanva"). The few English words that happen to have the shape ("the", "to", "no")
are listed. Codes, numbers, file names, addresses, acronyms and brand names are not words a
translator could change and are skipped.
"""

import re
import unicodedata
from dataclasses import dataclass

from search.folding import fold

INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx]"
SYLLABLE = re.compile(rf"^(?:{INITIALS})?[aeiouy]{{1,3}}(?:ch|nh|ng|[cmnpt])?$")

# English words that are also well-formed (unmarked) Vietnamese spellings, flagged all the same:
# none of them is a Vietnamese word an admin screen would use without its marks.
ENGLISH_SYLLABLES = frozenset(
    "the to on no be by do go so up me my it at as is or if of we he she they them then than "
    "can may say see".split()
)

# Names and loanwords a Vietnamese civil servant reads as Vietnamese, or that are not ours to
# translate.
ALLOWED = frozenset(
    {
        "wagtail",
        "draftail",
        "django",
        "opensearch",
        "email",
        "e",  # "e-mail"
        "byte",
        "webhook",  # the technical name administrators know the subscriptions by
        "localhost",
        "english",  # the language chooser names each language in itself, as Tiếng Việt is
        "menu",
        "web",
        "website",
        "internet",
        "logo",
        "video",
        "zalo",
        "facebook",
        "youtube",
    }
)

NOT_A_WORD = re.compile(r"[\d/@\\._:=#?&%+]|^[-–]|[-–]$|\w-\w")  # codes, paths, addresses, slugs
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Problem:
    kind: str  # "english" or "joined"
    word: str
    context: str

    def __str__(self):
        return f"{self.kind}: {self.word!r} in {self.context!r}"


def _has_marks(word):
    return word.lower().replace("đ", "d") != fold(word)


def _is_acronym(word):
    return len(word) > 1 and word.isupper()


def classify(word):
    """'english', 'joined' or None for one word of visible text."""
    if len(word) < 2 or _is_acronym(word) or word.lower() in ALLOWED:
        return None
    if "'" in word or "’" in word:  # ethnic names such as H'Mông
        return None
    folded = fold(word)
    has_marks = _has_marks(word)
    camel = any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
    if SYLLABLE.match(folded) and not camel:
        if not has_marks and folded in ENGLISH_SYLLABLES:
            return "english"
        return None
    if has_marks or camel:
        return "joined"
    return "english"


# A quoted name is someone's content or a citation ("PAR Index"), not an interface word.
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def problems_in(text):
    found = []
    for line in unicodedata.normalize("NFC", text).splitlines():
        line = QUOTED.sub(" ", line)
        for token in line.split():
            if NOT_A_WORD.search(token):
                continue
            for word in WORD.findall(token):
                kind = classify(word)
                if kind:
                    found.append(Problem(kind, word, line.strip()[:120]))
    return found
