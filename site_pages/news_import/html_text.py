"""Readable plain text from feed HTML: titles, the summary (sapo) and quotations."""

import nh3
from bs4 import BeautifulSoup

# Elements after which a reader sees a new line; the rest run on in the same sentence.
LINE_BREAKING = [
    "p", "div", "section", "article", "header", "footer", "aside", "figure", "figcaption", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "pre", "address", "dt", "dd",
]  # fmt: skip
SUMMARY_LENGTH = 300


def plain_lines(html):
    """The text of an HTML fragment, one entry per visual line, scripts and styles dropped."""
    soup = BeautifulSoup(nh3.clean(html or "", tags=set(LINE_BREAKING) | {"br"}), "html.parser")
    for element in soup.find_all(LINE_BREAKING):
        element.insert_after("\n")
    for element in soup.find_all("br"):
        element.replace_with("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    return [line for line in lines if line]


def plain_text(html):
    return " ".join(plain_lines(html))


def summarize(html, limit=SUMMARY_LENGTH):
    """Plain text cut after a whole word, so a sapo never ends mid-word."""
    text = plain_text(html)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"
