"""Every rewrite of a query the search asks for beside the query as typed: abbreviations and the
thesaurus, both read from records editors keep, so an edit counts without rebuilding the index."""

from .abbreviations import abbreviation_variants
from .folding import words
from .thesaurus import thesaurus_variants

# Each variant is one more clause in the query the engine scores for every document: a query holding
# several abbreviations and thesaurus terms could otherwise ask dozens. Abbreviations come first, as
# they did before the thesaurus.
MAX_VARIANTS = 6


def query_variants(query):
    """The rewritten queries, each once, none the same words as the query itself, at most MAX_VARIANTS."""
    typed = words(query)
    variants = []
    for variant in [*abbreviation_variants(query), *thesaurus_variants(query)]:
        if words(variant) != typed and variant not in variants:
            variants.append(variant)
    return variants[:MAX_VARIANTS]
