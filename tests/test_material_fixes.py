"""helpkit.page.material_fixes: Material's markup made valid, and only where it is invalid."""

from __future__ import annotations

from helpkit.page.material_fixes import repair


def test_checkbox_autocomplete_and_empty_tabindex_go() -> None:
    page = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="search" autocomplete="off"><label for="__nav_2" tabindex="">x</label><label for="__toc">'
    )
    out = repair(page + '<input type="checkbox" id="__toc">')
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in out
    assert '<input type="search" autocomplete="off">' in out
    assert 'tabindex=""' not in out


def test_a_toc_label_without_its_toggle_becomes_text() -> None:
    page = '<label class="md-nav__title" for="__toc"><span></span>Contents</label>'
    assert repair(page) == '<span class="md-nav__title"><span></span>Contents</span>'
    assert repair(page + '<input id="__toc">').startswith("<label")


def test_switcher_languages_are_marked() -> None:
    link = '<a href="../fr/" hreflang="fr" class="md-select__link">Français</a>'
    assert 'hreflang="fr" class="md-select__link" lang="fr"' in repair(link)


def test_the_search_dialog_takes_the_name_of_its_field() -> None:
    page = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Rechercher" placeholder="Rechercher">'
    )
    assert 'role="dialog" aria-label="Rechercher">' in repair(page)
