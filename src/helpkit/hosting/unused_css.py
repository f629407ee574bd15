"""Material's stylesheets without the rules no page of the site can use.

Material ships one `main.css` for every site it could build: blogs, code blocks, content tabs,
versions, forty colour palettes. A reader of this site downloads it on every first visit, and it
is the largest file after Material's script. The rules kept are those whose every selector could
match in some page: each class, id and attribute value it requires occurs in a built page or in a
script that could add it at view time (`Names`). What is only tested for (inside `:not()`, `:is()`,
`:where()`, `:has()`), an element name, a state, or an attribute matched by prefix or substring
never removes a rule; so the rules kept are a superset of the rules that apply.

Pure: stylesheet and names in, stylesheet out; parsed by tinycss2 (the parser of WeasyPrint).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape

import tinycss2
from tinycss2 import ast

# Blocks whose rules are kept or dropped one by one; any other at-rule is kept whole.
_NESTED = {"media", "supports", "layer", "container"}
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# A script's string literals, quotes included: what it can put in a class, an id or an attribute.
_LITERAL = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")
_TAG = re.compile(r"<[A-Za-z][^>]*>")
_ATTRIBUTE = re.compile(r"""\s([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass
class Names:
    """What the site's pages and scripts name: classes, ids, attribute names and values."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)
    # Custom properties read outside the stylesheet (a page's style attribute, a script).
    properties: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        """Every attribute of every tag; what a script inside the page holds comes in too, which
        only keeps more."""
        for tag in _TAG.finditer(html):
            for name, *quoted in _ATTRIBUTE.findall(tag.group(0)):
                value = unescape(next((part for part in quoted if part), ""))
                name = name.lower()
                self.attributes.add(name)
                words = value.split()
                self.values.add(value)
                self.values.update(words)
                if name == "class":
                    self.classes.update(words)
                elif name == "id":
                    self.ids.add(value)
                elif name == "style":
                    self.properties.update(_PROPERTY.findall(value))

    def add_script(self, script: str) -> None:
        """A script may add any word of its string literals as a class, id, attribute or value."""
        for text in _LITERAL.findall(script):
            text = text[1:-1]
            words = text.split()
            self.classes.update(words)
            self.ids.update(words)
            self.values.update([text, *words])
            self.attributes.add(text.lower())
            self.properties.update(_PROPERTY.findall(text))


def unused_removed(css: str, names: Names) -> str:
    """`css` without the rules, the selectors of a list, the custom properties and the animations
    that no page can use."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = list(_kept(rules, names))
    # A custom property (--md-admonition-icon--note) that no rule kept reads is dropped, and so,
    # in turn, are the properties only it read.
    declarations = [declaration for rule in _walk(kept) for declaration in rule.declarations]
    unread: set[str] = set()
    while True:
        read = set(names.properties)
        for declaration in declarations:
            if declaration.name not in unread:
                read |= _var_names(declaration.value)
        newly = {d.name for d in declarations if d.name.startswith("--") and d.name not in read} - unread
        if not newly:
            break
        unread |= newly
    text = "".join(rule.serialize(unread) for rule in kept)
    animations = _animation_names(text)
    return "".join(rule.serialize(unread) for rule in kept if rule.keyframes is None or rule.keyframes in animations)


@dataclass
class _Rule:
    header: str
    declarations: list[ast.Declaration] = field(default_factory=list)
    children: list[_Rule] | None = None
    raw: str | None = None
    keyframes: str | None = None

    def serialize(self, unread: set[str]) -> str:
        if self.raw is not None:
            return self.raw
        if self.children is not None:
            inner = "".join(child.serialize(unread) for child in self.children)
            return f"{self.header}{{{inner}}}" if inner else ""
        body = ";".join(
            f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
            for d in self.declarations
            if d.name not in unread
        )
        return f"{self.header}{{{body}}}" if body else ""


def _walk(rules: Iterable[_Rule]) -> Iterator[_Rule]:
    for rule in rules:
        yield rule
        yield from _walk(rule.children or ())


def _var_names(tokens: Iterable[ast.Node]) -> set[str]:
    found: set[str] = set()
    for token in tokens:
        if isinstance(token, ast.FunctionBlock):
            if token.lower_name == "var":
                first = next((t for t in token.arguments if isinstance(t, ast.IdentToken)), None)
                if first is not None:
                    found.add(first.value)
            found |= _var_names(token.arguments)
        elif isinstance(token, ast.ParenthesesBlock | ast.SquareBracketsBlock | ast.CurlyBracketsBlock):
            found |= _var_names(token.content)
    return found


def _animation_names(text: str) -> set[str]:
    found: set[str] = set()
    for value in re.findall(r"animation(?:-name)?\s*:\s*([^;}]*)", text):
        found.update(_WORD.findall(value))
    return found


def _kept(rules: Iterable[ast.Node], names: Names) -> Iterator[_Rule]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [selector for selector in _selectors(rule.prelude) if _may_match(selector, names)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(selector).strip() for selector in selectors)
                content = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                declarations = [item for item in content if isinstance(item, ast.Declaration)]
                if len(declarations) == len(content):
                    yield _Rule(header=prelude, declarations=declarations)
                else:  # nested rules: kept as they are
                    yield _Rule(header=prelude, raw=f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in _NESTED and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            header = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            yield _Rule(header=header, children=list(_kept(inner, names)))
        elif isinstance(rule, ast.AtRule):
            name = next((t.value for t in rule.prelude if isinstance(t, ast.IdentToken)), None)
            keyframes = name if rule.lower_at_keyword.endswith("keyframes") else None
            yield _Rule(header="", raw=rule.serialize(), keyframes=keyframes)


def _selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    """The selectors of a list, split at its top-level commas."""
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [selector for selector in selectors if any(not isinstance(t, ast.WhitespaceToken) for t in selector)]


def _may_match(selector: list[ast.Node], names: Names) -> bool:
    previous: ast.Node | None = None
    for token in selector:
        if isinstance(token, ast.IdentToken) and isinstance(previous, ast.LiteralToken) and previous.value == ".":
            if token.value not in names.classes:
                return False
        elif isinstance(token, ast.HashToken) and token.value not in names.ids:
            return False
        elif isinstance(token, ast.SquareBracketsBlock) and not _attribute_may_match(token, names):
            return False
        previous = token
    return True


def _attribute_may_match(block: ast.SquareBracketsBlock, names: Names) -> bool:
    parts = [token for token in block.content if not isinstance(token, ast.WhitespaceToken)]
    if not parts or not isinstance(parts[0], ast.IdentToken):
        return True
    if parts[0].lower_value not in names.attributes:
        return False
    # Only `[name=value]` is looked up; `^=`, `*=`, `~=`, `|=` and `$=` keep the rule.
    if len(parts) >= 3 and isinstance(parts[1], ast.LiteralToken) and parts[1].value == "=":
        value = parts[2]
        if isinstance(value, ast.IdentToken | ast.StringToken):
            return value.value in names.values
    return True
