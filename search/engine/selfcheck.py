"""Proof that an engine folds Vietnamese the way our analysis relies on, asked with _analyze."""

import unicodedata

from opensearchpy import OpenSearch
from opensearchpy.exceptions import OpenSearchException

from .errors import EngineError

SAMPLE = "Thủ tục ĐĂNG KÝ"
EXPECTED = ["thu", "tuc", "dang", "ky"]

# Each chain must fold the sample, typed precomposed (NFC) and decomposed (NFD, as Windows-1258
# keyboards and some editors send it), to the same plain syllables.
CHAINS = {
    "icu_normalizer + icu_folding": ["icu_normalizer", "icu_folding"],
    "icu_normalizer + lowercase + asciifolding": ["icu_normalizer", "lowercase", "asciifolding"],
}


def check_vietnamese_folding(client_or_url):
    client = client_or_url if isinstance(client_or_url, OpenSearch) else OpenSearch(client_or_url)
    failures = []
    for name, filters in CHAINS.items():
        for form in ("NFC", "NFD"):
            text = unicodedata.normalize(form, SAMPLE)
            try:
                answer = client.indices.analyze(
                    body={"tokenizer": "standard", "filter": filters, "text": text}
                )
            except OpenSearchException as error:
                failures.append(f"{name} ({form}): {error}")
                continue
            tokens = [token["token"] for token in answer.get("tokens", [])]
            if tokens != EXPECTED:
                failures.append(f"{name} ({form}): {SAMPLE!r} gave {tokens}, expected {EXPECTED}")
    if failures:
        raise EngineError(
            "The search engine does not fold Vietnamese as required (is the ICU plugin loaded?):\n"
            + "\n".join(failures)
        )
    return True
