"""Translation status: every page translated, its English source tracked, outdated pages flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build_site, copy_project
from helpkit.i18n.status import main as i18n_status
from helpkit.i18n.translations import (
    CURRENT,
    OUTDATED,
    UNREVIEWED,
    page_state,
    source_hash,
    stamp,
    translation_status,
)
from helpkit.page.frontmatter import split_front_matter

SOURCE = "---\ntitle: Stop\n---\n\n# Stop\n\nDon't pay.\n"


def test_the_hash_ignores_line_endings_but_not_words() -> None:
    assert source_hash(SOURCE) == source_hash(SOURCE.replace("\n", "\r\n"))
    assert source_hash(SOURCE) != source_hash(SOURCE.replace("pay", "send"))


def test_stamp_records_the_source_and_the_state_follows() -> None:
    translated = "---\ntitle: Stopp\n---\n\n# Stopp\n"
    stamped = stamp(translated, SOURCE, reviewed=False)
    meta, body = split_front_matter(stamped)
    assert meta["translation"] == {"source": source_hash(SOURCE), "reviewed": False}
    assert body.strip() == "# Stopp"
    assert page_state(SOURCE, meta) == UNREVIEWED
    reviewed_meta, _ = split_front_matter(stamp(stamped, SOURCE, reviewed=True))
    assert page_state(SOURCE, reviewed_meta) == CURRENT
    assert page_state(SOURCE + "\nNew line.\n", reviewed_meta) == OUTDATED
    assert stamp(stamp(stamped, SOURCE, reviewed=True), SOURCE, reviewed=False).count("translation:") == 1


def test_every_translation_in_the_repository_is_recorded_and_none_is_outdated() -> None:
    statuses = translation_status(ROOT / "docs", LANGUAGES)
    assert {status.state for status in statuses} <= {UNREVIEWED, CURRENT}, [
        f"{s.language}/{s.page}: {s.state}" for s in statuses if s.state not in (UNREVIEWED, CURRENT)
    ]
    assert len(statuses) == (len(LANGUAGES) - 1) * len(list((ROOT / "docs" / "en").rglob("*.md")))


@pytest.mark.usefixtures("builds")
def test_an_altered_english_page_is_reported_outdated_and_readers_see_it(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path / "kit")
    english = project / "docs" / "en" / "friends.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert i18n_status(["--config-file", str(project / "mkdocs.yml")]) == 0
    report = capsys.readouterr().out
    assert "outdated   docs/fr/friends.md" in report
    assert "outdated   docs/de/friends.md" in report
    assert "outdated   docs/fr/parents.md" not in report
    build_site(tmp_path / "out", project=project, env={"SITE_LANGUAGES": "en,fr"})
    page = BeautifulSoup((tmp_path / "out" / "fr" / "friends" / "index.html").read_text(), "html.parser")
    note = page.select_one(".shk-translation--outdated")
    assert note is not None and "anglais" in note.get_text()
    assert note.a["href"] == "../../friends/"
    unchanged = BeautifulSoup((tmp_path / "out" / "fr" / "parents" / "index.html").read_text(), "html.parser")
    assert unchanged.select_one(".shk-translation--outdated") is None
    assert "pas encore relue" in unchanged.select_one(".shk-translation").get_text()
    # Honest but not first: the note follows the page's title and its first paragraph.
    for soup in (page, unchanged):
        note = soup.select_one("article .shk-translation")
        before = [tag.name for tag in note.find_previous_siblings()]
        assert before[-2:] == ["p", "h1"] or before == ["p", "h1"], before


@pytest.mark.usefixtures("builds")
def test_a_missing_translation_fails_the_build_and_names_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    (project / "docs" / "fr" / "teachers.md").unlink()
    result = build_site(tmp_path / "out", project=project, env={"SITE_LANGUAGES": "en,fr"}, check=False)
    assert result.returncode == 1
    assert "untranslated: 'teachers.md' would be shown in English in 'fr'" in result.stderr


@pytest.mark.usefixtures("builds")
def test_a_missing_interface_string_fails_the_build_and_names_the_key(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "kit")
    strings = project / "data" / "strings" / "de.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text("\n".join(line for line in text.splitlines() if not line.startswith("  label:")) + "\n")
    result = build_site(tmp_path / "out", project=project, check=False)
    assert result.returncode == 1
    assert "de.yml: quick_exit.label: missing" in result.stderr
