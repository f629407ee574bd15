"""What interface text from strings files and settings may hold: words, not markup or invisible controls.

Our own renderers escape every value, but the theme prints some of them (site name, description,
page titles, navigation) into HTML as they are: those may not hold the characters that would
end a tag or an attribute there.
"""

from __future__ import annotations

import re
import unicodedata

# Looks like the start of a tag, a comment or a declaration: "<b", "</", "<!", "<?".
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_THEME_UNSAFE = '<>"'
# Format characters that some scripts need to be written right: the zero-width joiners of Persian
# and Indic names, and the direction marks of Arabic and Hebrew text.
_NEEDED_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f")


def hidden_character(text: str) -> str | None:
    """The first character that is not what it shows, named ('U+202E RIGHT-TO-LEFT OVERRIDE'), or None.

    Control characters (NUL cuts a page short in some tools) and format characters (Unicode
    category Cf): zero-width spaces split a name so that it no longer matches itself, and direction
    overrides reorder what a reader sees (a host, a number) without changing what a link opens.
    """
    for character in text:
        category = unicodedata.category(character)
        if (category == "Cc" and character not in "\t\n\r") or (
            category == "Cf" and character not in _NEEDED_FORMAT_CHARACTERS
        ):
            name = "NULL" if character == "\0" else unicodedata.name(character, "a control character")
            return f"U+{ord(character):04X} {name}"
    return None


def text_problem(text: str, *, printed_by_theme: bool = False) -> str | None:
    """What is wrong with one piece of interface text, as an 'expected ...' phrase, or None."""
    hidden = hidden_character(text)
    if hidden:
        return f"expected text without invisible or direction-changing characters; this text has {hidden}"
    if printed_by_theme and any(character in text for character in _THEME_UNSAFE):
        return (
            'expected text without <, > or " (the theme prints it into the page as it is): write quotes as “ ” « » „ “'
        )
    if _MARKUP.search(text):
        return "expected plain text, not HTML: the site writes the markup itself"
    return None
