""" "Did you mean": a misspelled query corrected from the words of public content, with their marks.

The engine's term suggester proposes, for each folded word, indexed words a letter or two away,
first letter included: citizens confuse l/n, s/x, tr/ch at the start of a syllable ("khieu lai").
Its word statistics still count the words of a page withdrawn until segments merge, so no proposal
is trusted on its own: each candidate query is asked of the index, which holds only public
content, under the request's filters, and the one that finds the most wins. The marks come from
that content too: the words of a matching text, as its editors wrote them ("khieu nai" becomes
"khiếu nại"), so a citizen who typed without diacritics is offered the query with them.
"""

import re
from collections import Counter

from .folding import fold
from .understanding import understand

FOLDED_FIELDS = ("title.folded", "summary.folded", "body.folded")
# Longer queries are whole questions: their answers come from the wider query, and checking a
# correction of each of their words cost a quarter of the search API's time over the judged queries
# (bench/search_latency.py), for suggestions no question there needed.
MAX_WORDS = 6
# The best few proposals per word: more only add candidates that find less.
OPTIONS_PER_WORD = 3
# Every candidate is one search in a single multi-search; a long question has many words.
MAX_CANDIDATES = 16
MARKED = re.compile(r"<mark>(.+?)</mark>")
MARKED_RUN = re.compile(r"<mark>[^<]+</mark>(?:\s+<mark>[^<]+</mark>)*")


def suggester(q):
    """The `suggest` section of a search body for `q`'s words."""
    text = fold(understand(q).phrase)
    options = {"suggest_mode": "always", "prefix_length": 0, "min_word_length": 2, "size": OPTIONS_PER_WORD}
    return {
        "text": text,
        **{f"in_{name.split('.')[0]}": {"term": {"field": name, **options}} for name in FOLDED_FIELDS},
    }


def candidates(q, suggest):
    """The query's folded words as typed, then corrections of them: first each word changed alone
    by the confusions Vietnamese spelling invites, then by the suggester's proposals, then every
    word's best proposal at once."""
    words = fold(understand(q).phrase).split()
    proposals = {}
    for name, entries in suggest.items():
        for entry in entries if name.startswith("in_") else []:
            for option in entry.get("options", []):
                rank = (option["score"], option["freq"])
                proposals.setdefault(entry["text"], []).append((*rank, option["text"]))
    best = {word: [text for *_rank, text in sorted(found, reverse=True)] for word, found in proposals.items()}
    found = [words]
    for position, word in enumerate(words):
        for variant in confusions(word):
            found.append([*words[:position], variant, *words[position + 1 :]])
    for position, word in enumerate(words):
        for option in list(dict.fromkeys(best.get(word, [])))[:OPTIONS_PER_WORD]:
            found.append([*words[:position], option, *words[position + 1 :]])
    found.append([best[word][0] if best.get(word) else word for word in words])
    return list(dict.fromkeys(" ".join(candidate) for candidate in found))[: MAX_CANDIDATES + 1]


# Letters that sound alike in many dialects, written for one another at the start of a syllable
# (l/n, s/x, tr/ch, d/gi/r, v/d) or at its end (n/ng, c/t, i/y); and a doubled letter.
INITIALS = [("l", "n"), ("s", "x"), ("tr", "ch"), ("d", "gi"), ("gi", "r"), ("d", "r"), ("v", "d")]
FINALS = [("ng", "n"), ("c", "t"), ("i", "y"), ("nh", "n")]
DOUBLED = re.compile(r"(\w)\1")


def confusions(word):
    variants = []
    for a, b in INITIALS:
        for this, that in ((a, b), (b, a)):
            if word.startswith(this) and not (this == "d" and word.startswith("gi")):
                variants.append(that + word[len(this) :])
    for a, b in FINALS:
        for this, that in ((a, b), (b, a)):
            if word.endswith(this) and len(word) > len(this):
                variants.append(word[: -len(this)] + that)
    if DOUBLED.search(word):
        variants.append(DOUBLED.sub(r"\1", word))
    return [variant for variant in dict.fromkeys(variants) if variant != word]


def correction(q, suggest, ask):
    """The corrected query, or None. `ask(texts, fields=())` answers each text under the request's
    filters with: how many documents have all its words (`strict`), how well its neighbouring words
    match a phrase of some text (the best hit's score), and with `fields`, the best of the documents
    having all its words, those fields highlighted.

    A correction must find documents and must make the words read as the texts do: "tin nguon"
    is two indexed words, but only "tin nguong" (tín ngưỡng) a phrase of the content. A query no
    correction makes more of a phrase ("sap nhap ban dan toc": the content says "tổ chức lại") is
    left as typed rather than turned into nonsense that happens to match."""
    texts = candidates(q, suggest)
    if len(texts) < 2:
        return None
    answers = ask(texts)
    typed_phrase = phrase_score(answers[0])
    single_word = len(texts[0].split()) == 1
    eligible = [
        index
        for index in range(1, len(texts))
        if strict_count(answers[index])
        and (phrase_score(answers[index]) > typed_phrase if not single_word else near(texts[0], texts[index]))
    ]
    if not eligible:
        return None
    best = texts[
        max(eligible, key=lambda index: (phrase_score(answers[index]), strict_count(answers[index]), -index))
    ]
    # Highlighted for the one chosen only: the marks of every candidate's words cost more than the
    # checks themselves.
    return with_marks(best, ask([best], FOLDED_FIELDS)[0])


def wanted(q):
    """Whether a query that no document matched whole is worth correcting at all; asked before the
    engine's suggester, which then is not run for a whole question."""
    return len(understand(q).phrase.split()) <= MAX_WORDS


def strict_count(answer):
    return answer["aggregations"]["strict"]["doc_count"]


def near(typed, corrected):
    """A single word has no phrase to read it by: only a letter's slip ("tinn") or a confusion
    ("xo" for "so") corrects it, not any indexed word two letters away ("visa" is not "viết")."""
    return corrected in confusions(typed) or edits(typed, corrected) <= 1


def edits(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def phrase_score(answer):
    return answer["aggregations"]["best"]["hits"].get("max_score") or 0.0


def with_marks(text, answer):
    """`text`'s folded words as the matching document writes them. A folded word stands for
    several ("so" is số and sơ), so runs of marked words that read as the text does decide first
    ("chuyển đổi số"), and single marked words only fill the rest."""
    words = text.split()
    written = [None] * len(words)
    runs, singles = [], Counter()
    for hit in answer["aggregations"]["strict"]["example"]["hits"]["hits"]:
        for fragments in hit.get("highlight", {}).values():
            for fragment in fragments:
                for run in MARKED_RUN.findall(fragment):
                    marked = [word.lower() for word in MARKED.findall(run)]
                    runs.append(marked)
                    singles.update(marked)
    for run in sorted(runs, key=len, reverse=True):
        folded = [fold(word) for word in run]
        for start in range(len(words) - len(run) + 1):
            if words[start : start + len(run)] == folded:
                for offset, word in enumerate(run):
                    written[start + offset] = written[start + offset] or word
    for position, word in enumerate(words):
        if written[position] is None:
            forms = [form for form, _count in singles.most_common() if fold(form) == word]
            written[position] = forms[0] if forms else word
    return " ".join(written)
