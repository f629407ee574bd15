"""The quick-exit bar that opens every page, before anything else a keyboard can reach."""

from __future__ import annotations

from markupsafe import Markup

from helpkit.i18n.strings import Strings


def render_quick_exit(*, target: str, strings: Strings) -> Markup:
    """A plain link that works without JavaScript; quick-exit.js adds the Shift shortcut."""
    return Markup(
        '<div class="shk-exit" data-shk="quick-exit" data-first="{first}" data-second="{second}" '
        'data-leaving="{leaving}">'
        '<span class="shk-exit__hint" id="shk-exit-hint">{hint}</span>'
        '<a class="shk-exit__button" href="{target}" rel="noopener noreferrer" '
        'aria-describedby="shk-exit-hint">{label}</a>'
        # One tap from anywhere on the page to the numbers to call, crisis line included.
        '<a class="shk-exit__help" href="#get-help-now">{help}</a>'
        '<span class="shk-exit__status" role="status" aria-live="polite"></span></div>'
    ).format(
        first=strings["quick_exit.announce_first"],
        second=strings["quick_exit.announce_second"],
        leaving=strings["quick_exit.leaving"],
        hint=strings["quick_exit.hint"],
        target=target,
        label=strings["quick_exit.label"],
        help=strings["helpbox.title"],
    )
