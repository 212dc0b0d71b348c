"""What a citizen's query asks, before it reaches the engine.

Citizens type whole questions ("tôi muốn hỏi thủ tục … cần những giấy tờ gì, nộp ở đâu?"). Asked
as typed, every word must match, and the question's frame ("tôi muốn hỏi", "cần những gì", "ở đâu")
matches no text, so nothing is found. Here the query is split into:

- the frame, which is left out: question and courtesy phrases that say how a citizen asks, not what;
- function words ("của", "các", "được", "có"…), which a text need not have, but which still count
  for phrases ("người có uy tín" is a phrase, "người uy tín" finds it too);
- words that name a kind of content ("thủ tục", "hồ sơ", "tin tức"…), which rank that kind higher
  and never exclude the others: the content types declare them (`search_intent_words`);
- and the content words, which the engine must find.

Typed with diacritics, words are compared as typed; typed without, folded. Folding merges words
("can" is cần and cán, "tin" is tin and tín), so without diacritics a single syllable is taken for
frame or intent only where folding leaves it unambiguous, or where it stands at the start.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .folding import fold

TOKEN = re.compile(r"\w+(?:[./\-:]\w+)*")

# How a question is framed, longest first when they overlap. Phrases of two syllables and more are
# safe to recognise folded too; single syllables are listed apart.
FRAME_PHRASES = [
    "tôi muốn hỏi", "cho tôi hỏi", "tôi xin hỏi", "xin cho hỏi", "cho em hỏi", "em muốn hỏi",
    "cho mình hỏi", "mình muốn hỏi", "xin hỏi", "cho hỏi", "xin cho biết", "cho biết", "muốn biết",
    "tôi muốn", "tôi cần", "em muốn", "mình muốn", "làm thế nào", "làm sao", "như thế nào", "thế nào",
    "ra sao", "bằng cách nào", "cần những gì", "cần những giấy tờ gì", "cần giấy tờ gì", "những gì",
    "phải làm gì", "cần làm gì", "làm gì", "phải làm", "cần làm", "làm thủ tục", "là gì",
    "gồm những gì", "gồm gì", "ở đâu", "tại đâu",
    "về đâu", "chỗ nào", "nơi nào", "bao nhiêu", "bao lâu", "mất bao lâu", "trong bao lâu",
    "bao giờ", "khi nào", "lúc nào", "có được không", "được không", "có phải", "hay không",
    "có không", "không ạ", "được ạ", "vậy ạ", "với ạ", "xin cảm ơn", "cảm ơn", "cần hồ sơ gì",
    "cần những hồ sơ gì", "hồ sơ gồm những gì", "thủ tục gì", "giấy tờ gì", "thủ tục như thế nào",
]  # fmt: skip
FRAME_WORDS = {"gì", "nào", "ạ", "ơi", "nhé", "nhỉ", "vậy", "thì", "muốn", "cần"}
# Folded, these single syllables are still only the frame words they stand for.
FRAME_WORDS_FOLDED = {"gi", "a", "nhe", "muon"}
# A text need not have these; they still count in phrases.
FUNCTION_WORDS = {
    "của", "các", "những", "được", "có", "cho", "về", "và", "để", "là", "bị", "trong", "với",
    "ở", "tại", "khi", "đã", "sẽ", "này", "đó", "mới", "theo", "nếu", "mà", "như", "tôi",
    "em", "mình", "ai", "sau", "trước", "đến", "từ",
}  # fmt: skip
# Folded, most of them are also content syllables ("cua" is của and cửa, "co" có and cơ, "de" để
# and đề): only these stay function words.
FUNCTION_WORDS_FOLDED = {"cac", "nhung", "duoc", "va", "voi", "theo", "nay", "toi", "em", "ai", "truoc"}


@dataclass(frozen=True)
class UnderstoodQuery:
    typed: str
    content: str  # the words that matter, in the order typed: what the engine must find
    phrase: str  # the same with the function and intent words between them, for phrase ranking
    topic: str  # the same with the function words only: what rewrites (thesaurus, abbreviations) read
    intents: tuple  # content types the query names, first named first

    @property
    def reshaped(self):
        return self.content != self.typed


@lru_cache(maxsize=1024)
def understand(q):
    tokens = [token.lower() for token in TOKEN.findall(q or "")]
    marked = any(token != fold(token) for token in tokens)
    key = tokens if marked else [fold(token) for token in tokens]
    kept = strip_frame(key, marked)
    if not kept:
        return UnderstoodQuery(q, q, q, q, ())
    intents, intent_positions = find_intents(kept, marked)
    # The frame may name a kind too: "… cần những giấy tờ gì" asks for a procedure.
    intents += [kind for kind in find_intents(key, marked)[0] if kind not in intents]
    function = FUNCTION_WORDS if marked else FUNCTION_WORDS_FOLDED
    content = [
        token
        for position, token in enumerate(kept)
        if position not in intent_positions and token not in function
    ]
    if len(content) < min(2, len(kept)):
        # Only function or intent words ("thủ tục", "tin tức"), or one word left of several ("một
        # cửa" folded is "mot cua", and "cua" might be của): then they are what is asked.
        content = [token for position, token in enumerate(kept) if position not in intent_positions]
        if len(content) < min(2, len(kept)):
            content = kept
    original = dict(zip(key, tokens, strict=True))
    return UnderstoodQuery(
        typed=q,
        content=" ".join(original.get(token, token) for token in content),
        phrase=" ".join(original.get(token, token) for token in kept),
        topic=" ".join(
            original.get(token, token)
            for position, token in enumerate(kept)
            if position not in intent_positions
        ),
        intents=tuple(intents),
    )


def strip_frame(tokens, marked):
    phrases = frame_phrases(marked)
    words = FRAME_WORDS if marked else FRAME_WORDS_FOLDED
    kept, position = [], 0
    while position < len(tokens):
        length = longest_match(tokens, position, phrases)
        if length:
            position += length
            continue
        if tokens[position] not in words:
            kept.append(tokens[position])
        position += 1
    return kept


def find_intents(tokens, marked):
    """The content types named, and the positions of the words that name them. A single syllable
    names a type only at the start ("tin chuyển đổi số", not "người có uy tín" folded)."""
    intents, positions = [], set()
    position = 0
    while position < len(tokens):
        match = None
        for length in range(min(4, len(tokens) - position), 0, -1):
            if length == 1 and position > 0 and not marked:
                break
            words = " ".join(tokens[position : position + length])
            kind = intent_vocabulary(marked).get(words)
            if kind and (length > 1 or position == 0 or words in MARKED_ANYWHERE):
                match = (kind, length)
                break
        if match:
            kind, length = match
            if kind not in intents:
                intents.append(kind)
            positions.update(range(position, position + length))
            position += length
        else:
            position += 1
    return intents, positions


# Single syllables that name a kind of content wherever they stand, typed with diacritics.
MARKED_ANYWHERE = {"nộp", "tthc"}


def longest_match(tokens, position, phrases):
    for length in range(min(5, len(tokens) - position), 1, -1):
        if tuple(tokens[position : position + length]) in phrases:
            return length
    return 0


@cache
def frame_phrases(marked):
    return {tuple((phrase if marked else fold(phrase)).split()) for phrase in FRAME_PHRASES}


@cache
def intent_vocabulary(marked):
    """Words to the content type they name, from each searchable type's `search_intent_words`."""
    from .sources import TYPES

    vocabulary = {}
    for kind, model in TYPES.items():
        for words in getattr(model, "search_intent_words", ()):
            vocabulary.setdefault(words if marked else fold(words), kind)
    return vocabulary
