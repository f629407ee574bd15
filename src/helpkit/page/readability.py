"""Reading ease of a Markdown page, as a reader meets it."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import textstat

from helpkit.page.frontmatter import split_front_matter

# The extensions that change which words a reader sees; the rest of the site's list only styles them.
_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "pymdownx.details"]

# Headings and link-only tiles are labels, not prose: counting them would flatter the score.
_SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"}


class _ProseText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in {"p", "li", "td", "th", "br", "div", "summary"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip_depth:
            self._skip_depth -= 1
        elif tag in {"p", "li", "td", "th", "div", "summary"}:
            # A list item or cell without a full stop is still a sentence to the reader.
            self.parts.append(".\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def prose_text(source: str) -> str:
    """The running text of a Markdown page: no front matter, headings or code."""
    _, body = split_front_matter(source)
    html = markdown.markdown(body, extensions=_EXTENSIONS)
    parser = _ProseText()
    parser.feed(html)
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line and line != ".")
    return text.replace("..", ".").replace(":.", ":")


def flesch_reading_ease(source: str) -> float:
    """English Flesch reading ease of a Markdown page's running text."""
    textstat.set_lang("en")
    return float(textstat.flesch_reading_ease(prose_text(source)))


if __name__ == "__main__":
    import sys

    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as handle:
            print(f"{flesch_reading_ease(handle.read()):6.1f}  {name}")
