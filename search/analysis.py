"""Vietnamese analysis: one place for every analyzer and normalizer the indices use.

ICU normalisation comes first, so text typed precomposed (NFC) or decomposed (NFD, from
Windows-1258 keyboards and some editors) is the same; ICU tokenisation splits syllables. Each text
field is indexed several ways (see documents.py): exact (marks kept, case folded), folded (all tone
marks and đ gone), shingles of 2–3 syllables for phrases, and edge n-grams for autocomplete.
"""

from opensearchpy import analyzer, normalizer, token_filter

icu_nfkc_cf = token_filter("vi_icu_normalizer", type="icu_normalizer", name="nfkc_cf")
folding = token_filter("vi_folding", type="icu_folding")
shingles = token_filter(
    "vi_shingles", type="shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=False
)
edge_ngrams = token_filter("vi_edge_ngrams", type="edge_ngram", min_gram=1, max_gram=20)

# Marks kept, case folded: "Dân" and "dân" match, "dần" does not.
vi_exact = analyzer("vi_exact", tokenizer="icu_tokenizer", filter=[icu_nfkc_cf])
# Every mark and đ folded away: "thu tuc" finds "thủ tục".
vi_folded = analyzer("vi_folded", tokenizer="icu_tokenizer", filter=[icu_nfkc_cf, folding])
# Folded 2–3-syllable shingles reward phrases ("nguoi co uy tin") without word segmentation.
vi_shingle = analyzer("vi_shingle", tokenizer="icu_tokenizer", filter=[icu_nfkc_cf, folding, shingles])
# Prefixes for as-you-type suggestions; queried with vi_folded.
vi_autocomplete = analyzer(
    "vi_autocomplete", tokenizer="icu_tokenizer", filter=[icu_nfkc_cf, folding, edge_ngrams]
)

# Codes and document numbers are keywords: "1.012223.H56", "12/2018/QĐ-TTg".
code_lower = normalizer("code_lower", filter=["lowercase"])
code_folded = normalizer("code_folded", filter=["lowercase", "asciifolding"])
