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
# Direction overrides and embeddings reorder what a reader sees; zero-width spaces and the byte order
# mark hide text. Joiners (U+200C, U+200D) and isolates stay: some scripts need them.
_INVISIBLE = frozenset("\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e")


def text_problem(text: str, *, printed_by_theme: bool = False) -> str | None:
    """What is wrong with one piece of interface text, as an 'expected ...' phrase, or None."""
    for character in text:
        if character in _INVISIBLE or (unicodedata.category(character) == "Cc" and character not in "\n\t"):
            return (
                f"expected visible text: it holds U+{ord(character):04X} ({unicodedata.name(character, 'a control')}), "
                "which hides or reorders what readers see"
            )
    if printed_by_theme and any(character in text for character in _THEME_UNSAFE):
        return (
            'expected text without <, > or " (the theme prints it into the page as it is): write quotes as “ ” « » „ “'
        )
    if _MARKUP.search(text):
        return "expected plain text, not HTML: the site writes the markup itself"
    return None
