"""The directory's pages as search entries: one per country, each channel one paragraph of sentences.

Material's search plugin keeps the tags of paragraphs and lists only and drops every other tag, so
text that the page shows apart runs together in its index. A channel's facts are sibling <span>s
that only CSS sets apart ("Languages: Swedish" · "For everyone"), and become "SwedishFor"; a
country's <h2> runs into its first <h3> ("SwedenEmergency"). Each join is one word to the search
too: "emergency" does not find "SwedenEmergency", nor does the stemmer see "Swedish" in it, and the
result's snippet shows the join. Material also starts a section only at a heading with an id, which
the directory's headings have not, so a region's page was one entry holding every channel of a
dozen countries: a word said once per channel outweighed the advice page that says it once (see
helpkit.search.rank), and a result opened the region's page at its top.

Here a page becomes its own entry (its introduction and index), then one entry per <section id>,
titled by its first heading and opened at its anchor. A list item made of paragraphs (a channel)
becomes one paragraph, its parts joined into sentences; a list of plain items stays a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

# Elements that hold no text (the parser sees no end tag for them).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# What is not read as text: code and styles, and controls whose text is an interface, not content.
SKIPPED = frozenset({"script", "style", "template", "object", "button", "select", "textarea", "svg"})
# Inline elements that run on with the words around them: "<strong>Bris</strong>" is part of a sentence.
# Every other element (a <span> field too) is a boundary, where words must not run together.
PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s"}
    | {"samp", "small", "strong", "sub", "sup", "time", "u", "var"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is one paragraph of the entry. Text outside any of them is one too.
PARAGRAPHS = HEADINGS | {"p", "li", "dt", "dd", "label", "td", "th", "caption", "figcaption", "blockquote", "summary"}
LISTS = frozenset({"ul", "ol"})
# After these, a boundary needs only a space: the sentence or the label has already ended.
ENDS = frozenset(".!?:;…؟؛。")


@dataclass
class Line:
    """Text gathered from several elements, with a sentence break wherever two of them would touch."""

    parts: list[str] = field(default_factory=list)
    boundary: bool = False

    def add(self, text: str) -> None:
        text = re.sub(r"\s+", " ", text)
        # The start of the line counts as a space: no line starts with one.
        last = self.parts[-1] if self.parts else " "
        if last.endswith(" "):
            text = text.lstrip()
        if not text:
            return
        if self.boundary and text != " ":
            # Words on each side of an element's edge with no space between: the page shows them
            # apart (CSS, a heading), so a sentence break keeps them apart here too.
            if not last.endswith(" ") and not text.startswith(" "):
                self.parts.append(" " if last[-1] in ENDS else ". ")
            self.boundary = False
        self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts).strip()


@dataclass
class Entry:
    """One search entry: where it opens, its title, and its paragraphs (a list is a list of items)."""

    location: str
    title: Line = field(default_factory=Line)
    blocks: list[str | list[str]] = field(default_factory=list)
    list_open: bool = False

    def add_paragraph(self, text: str) -> None:
        self.blocks.append(text)
        self.list_open = False

    def add_item(self, text: str) -> None:
        last = self.blocks[-1] if self.blocks else None
        if self.list_open and isinstance(last, list):
            last.append(text)
        else:
            self.blocks.append([text])
            self.list_open = True

    def as_doc(self, fallback_title: str) -> dict[str, str]:
        text = "".join(
            "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in block) + "</ul>"
            if isinstance(block, list)
            else f"<p>{escape(block, quote=False)}</p>"
            for block in self.blocks
        )
        title = self.title.text() or fallback_title
        return {"location": self.location, "title": escape(title, quote=False), "text": text}


@dataclass
class Open:
    """An element being read, and what closing it ends."""

    tag: str
    skipped: bool = False
    ends: str = ""  # "title", "paragraph" or "section": what this element opened


@dataclass
class Paragraph:
    """The paragraph being read: opened by an element (None: by text straight inside a container,
    ended by the next element), an <li> of plain text being an item of a list."""

    owner: Open | None
    item: bool = False
    line: Line = field(default_factory=Line)
    holds_blocks: bool = False


class _Reader(HTMLParser):
    def __init__(self, location: str) -> None:
        super().__init__(convert_charrefs=True)
        self.location = location
        self.entries = [Entry(location)]
        # The entries of the <section>s being read, innermost last; the page's own is the first.
        self.sections: list[Entry] = [self.entries[0]]
        self.stack: list[Open] = []
        self.paragraph: Paragraph | None = None
        self.title: Line | None = None

    @property
    def entry(self) -> Entry:
        return self.sections[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br":
                self.boundary()
            return
        named = dict(attrs)
        element = Open(tag)
        skipped = any(open_.skipped for open_ in self.stack)
        self.stack.append(element)
        # Hidden until a script shows it (the country filter's box and its "no match" line), or
        # left out of search with Material's own attribute.
        if skipped or tag in SKIPPED or "hidden" in named or "data-search-exclude" in named:
            element.skipped = True
            return
        if tag in PHRASING:
            return
        if self.paragraph is not None and self.paragraph.owner is None:
            self.end_paragraph()
        anchor = named.get("id")
        if tag == "section" and anchor:
            self.end_paragraph()
            self.sections.append(self.new_entry(anchor))
            element.ends = "section"
        elif tag in HEADINGS and self.is_title(tag, anchor):
            self.end_paragraph()
            if anchor and tag != "h1":
                # As in Material's index: a heading with an id starts an entry, in place of the one
                # before it at the same level.
                self.sections[-1] = self.new_entry(anchor)
            self.title = self.entry.title
            element.ends = "title"
        elif self.paragraph is None and tag in PARAGRAPHS:
            self.paragraph = Paragraph(element, item=tag == "li")
            element.ends = "paragraph"
        else:
            if self.paragraph is not None:
                self.paragraph.holds_blocks = True
            self.boundary()

    def is_title(self, tag: str, anchor: str | None) -> bool:
        """Whether a heading titles an entry: one with an id (but the page's <h1>, which titles the
        page), or the first thing in an entry (a country's <h2> in its <section>)."""
        if anchor and tag != "h1":
            return True
        return not self.entry.title.parts and not self.entry.blocks

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(open_.tag == tag for open_ in self.stack):
            return
        while self.stack:
            element = self.stack.pop()
            self.leave(element)
            if element.tag == tag:
                return

    def leave(self, element: Open) -> None:
        if element.skipped or element.tag in PHRASING:
            return
        if element.ends == "title":
            self.title = None
        elif element.ends in ("paragraph", "section") or (self.paragraph and self.paragraph.owner is None):
            self.end_paragraph()
        else:
            self.boundary()
        if element.ends == "section":
            self.sections.pop()
        if element.tag in LISTS:
            self.entry.list_open = False

    def handle_data(self, data: str) -> None:
        if any(open_.skipped for open_ in self.stack):
            return
        if self.title is not None:
            self.title.add(data)
            return
        if self.paragraph is None:
            if not data.strip():
                return
            self.paragraph = Paragraph(None)
        self.paragraph.line.add(data)

    def boundary(self) -> None:
        if self.title is not None:
            self.title.boundary = True
        elif self.paragraph is not None:
            self.paragraph.line.boundary = True

    def end_paragraph(self) -> None:
        paragraph, self.paragraph = self.paragraph, None
        text = paragraph.line.text() if paragraph else ""
        if not paragraph or not text:
            return
        if paragraph.item and not paragraph.holds_blocks:
            self.entry.add_item(text)
        else:
            self.entry.add_paragraph(text)

    def new_entry(self, anchor: str) -> Entry:
        entry = Entry(f"{self.location}#{anchor}")
        self.entries.append(entry)
        return entry


def directory_entries(content: str, *, location: str, title: str) -> list[dict[str, str]]:
    """The search entries of one directory page, from its content as Material indexes it: the page
    first (Material reads it before its sections), then one per <section id> or heading with an id."""
    reader = _Reader(location)
    reader.feed(content)
    reader.close()
    reader.end_paragraph()
    first, *sections = [entry.as_doc(title) for entry in reader.entries]
    # A section with neither title nor text would be a result that says nothing.
    return [first, *(doc for doc in sections if doc["text"] or doc["title"])]
