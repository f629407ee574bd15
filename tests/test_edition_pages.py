"""helpkit.edition.pages: an edition's own pages, checked and placed in the navigation."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpkit.edition.pages import nav_paths, read_pages
from helpkit.edition.settings import LocalPage
from helpkit.problems import ProblemsError

NAV = [
    "index.md",
    {"I'm being threatened": ["threatened/index.md", "threatened/report-to-police.md", "threatened/remove-images.md"]},
    "directory.md",
    {"About this site": ["about.md"]},
]


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def read(folder: Path, pages: list[LocalPage], languages=("pl", "en")):
    return read_pages(
        folder,
        pages=pages,
        languages=list(languages),
        configured=["en", "fr", "pl"],
        nav=NAV,
        reserved={"index", "threatened", "directory", "about"},
    )


def problems(folder: Path, pages: list[LocalPage], languages=("pl", "en")) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        read(folder, pages, languages)
    return [str(problem) for problem in caught.value.problems]


def test_a_page_is_placed_after_the_kits_page_in_its_section(tmp_path: Path) -> None:
    folder = write(tmp_path, {"pl/pomoc.md": "# Pomoc w Polsce\n\nTekst.\n", "en/pomoc.md": "# Help in Poland\n"})
    found = read(folder, [LocalPage(file="pomoc.md", after="threatened/report-to-police.md")])
    assert found.texts == {"pl": {"pomoc.md": "# Pomoc w Polsce\n\nTekst.\n"}, "en": {"pomoc.md": "# Help in Poland\n"}}
    assert found.nav[1] == {
        "I'm being threatened": [
            "threatened/index.md",
            "threatened/report-to-police.md",
            "pomoc.md",
            "threatened/remove-images.md",
        ]
    }
    assert nav_paths(found.nav) == [*nav_paths(NAV)[:3], "pomoc.md", *nav_paths(NAV)[3:]]
    assert NAV[1]["I'm being threatened"][2] == "threatened/remove-images.md"  # the kit's nav untouched


def test_pages_at_the_top_level_and_in_order(tmp_path: Path) -> None:
    folder = write(tmp_path, {"en/a.md": "# A\n", "en/b.md": "---\ntitle: B\n---\nText.\n"})
    found = read(folder, [LocalPage(file="a.md", after="directory.md"), LocalPage(file="b.md", after="a.md")], ["en"])
    assert nav_paths(found.nav)[4:7] == ["directory.md", "a.md", "b.md"]


def test_every_problem_is_named_at_once(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        {
            "pl/pomoc.md": "# Pomoc\n",
            "pl/about.md": "# O nas\n",
            "pl/lost.md": "# Zgubiona\n",
            "pl/empty.md": "\n",
            "pl/untitled.md": "Just text.\n",
            "pl/latin.md": b"# Caf\xe9\n",
            "de/x.md": "# X\n",
            "pl/notes.txt": "x",
        },
    )
    pages = [
        LocalPage(file="pomoc.md", after="threatened/report-to-police.md"),
        LocalPage(file="about.md", after="about.md"),
        LocalPage(file="where.md", after="threatened/police.md"),
        LocalPage(file="empty.md", after="index.md"),
        LocalPage(file="untitled.md", after="index.md"),
        LocalPage(file="latin.md", after="index.md"),
    ]
    found = problems(folder, pages)
    assert found == [
        "edition/settings.yml: pages[1]: file: 'about.md': the kit has a page or folder of that name: expected "
        "another name",
        "edition/settings.yml: pages[2]: after: 'threatened/police.md': not a page of the navigation (mkdocs.yml "
        "nav): expected one of index.md, threatened/index.md, threatened/report-to-police.md, "
        "threatened/remove-images.md, directory.md, about.md, or a page placed above",
        f"{folder}/de/x.md: 'de' is not a language of the kit: expected one of en, fr, pl",
        f"{folder}/pl/empty.md: empty: write its text, or delete the file",
        f"{folder}/pl/latin.md: byte 5: not UTF-8: expected a file saved as UTF-8",
        f"{folder}/pl/lost.md: not placed in the navigation: add `- file: lost.md` and `after:` the kit's page it "
        "follows under `pages:` in edition/settings.yml, or delete the file",
        f"{folder}/pl/notes.txt: expected a page as <language>/<name>.md in {folder}/",
        f"{folder}/pl/untitled.md: no title: expected a first line such as `# Help in your country`",
        f"{folder}/en/pomoc.md: missing: edition/settings.yml places 'pomoc.md' in the navigation, so it is "
        "expected in every language built, and en lacks it",
        f"{folder}/en/about.md: missing: edition/settings.yml places 'about.md' in the navigation, so it is "
        "expected in every language built, and en lacks it",
        f"{folder}/pl/where.md: missing: edition/settings.yml places 'where.md' in the navigation, so it is "
        "expected in every language built, and pl, en lack it",
    ]


def test_a_language_not_built_is_left_out(tmp_path: Path) -> None:
    folder = write(tmp_path, {"en/a.md": "# A\n", "fr/a.md": "# A\n"})
    found = read(folder, [LocalPage(file="a.md", after="index.md")], ["en"])
    assert set(found.texts) == {"en"}


def test_without_pages_the_nav_is_the_kits(tmp_path: Path) -> None:
    found = read(tmp_path / "absent", [])
    assert found.nav == NAV and found.texts == {"pl": {}, "en": {}}
