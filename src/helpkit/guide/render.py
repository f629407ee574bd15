"""A question of the guided path as HTML: the question is the page's title, each answer a link.

Plain links, so the path works without JavaScript and keeps nothing: the reader's answers live
only in the address of the page they are on, and the browser's Back button goes back a question.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from helpkit.guide.path import SECTION, Guide
from helpkit.i18n.strings import Strings


def render_question(
    guide: Guide, question: str, *, strings: Strings, url: Callable[[str], str], start_url: str
) -> Markup:
    """The answers of `question`; `url` turns an answer's target page path into a link from this page."""
    words = strings.section(f"{SECTION}.{question}")
    items = Markup("").join(
        Markup('<li><a class="shk-guide__answer" href="{}">{}</a></li>').format(
            url(guide.page_of(answer.target) if answer.leads_to_question else answer.target), words[answer.name]
        )
        for answer in guide.questions[question].answers
    )
    parts = [Markup('<ul class="shk-guide" aria-label="{}">{}</ul>').format(strings[f"{SECTION}.answers"], items)]
    if question == guide.start:
        parts.insert(0, Markup('<p class="shk-guide__lead">{}</p>').format(strings[f"{SECTION}.lead"]))
    else:
        parts.append(
            Markup('<p class="shk-guide__again"><a href="{}">{}</a></p>').format(
                start_url, strings[f"{SECTION}.start_again"]
            )
        )
    return Markup("").join(parts)
