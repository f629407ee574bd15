"""The data checker's command line: exit status, problems on stderr, the summary on stdout."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from pathlib import Path

import pytest

from helpkit.directory.channels import default_schema
from helpkit.directory.check_data import main

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2025, 6, 1)
HEADER = ",".join(default_schema().names)
SOURCE = "https://example.org/source"
# The columns of the rows below, in the order written; the others stay empty.
SHORT = "id,country,kind,name,phone,url,languages,audience,hours,remarks,source,confidence,verified".split(",")


def write(path: Path, *rows: str) -> Path:
    """The rows, written with the SHORT columns, as a full data file."""
    lines = []
    for row in rows:
        cells = dict(zip(SHORT, next(csv.reader([row])), strict=True))
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow([cells.get(name, "") for name in default_schema().names])
        lines.append(out.getvalue())
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_the_real_data_file_passes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main([], today=date.today()) == 0
    out, err = capsys.readouterr()
    assert err == ""
    first = out.splitlines()[0]
    assert first.startswith("data/reporting-channels.csv: ")
    assert first.endswith(", no errors")
    assert out.splitlines()[1] == "Read as UTF-8, separated by ','."
    platforms = out.split("\ndata/platforms.csv: ", 1)[1].splitlines()
    assert platforms[0].endswith(" rows, no errors")
    assert platforms[1] == "Read as UTF-8, separated by ','."
    assert "Never verified: " in out


def test_the_summary_counts_rows_and_names_missing_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "channels.csv",
        f"be-r1,BE,emergency,112,112,,,all,,,{SOURCE},high,",
        f"be-r2,BE,helpline,Child Focus,116 000,,nl;fr,all,24/7,,{SOURCE},high,2025-05-01",
        f"be-r3,BE,hotline,Hotline A,,https://a.example.org,fr,all,,,{SOURCE},high,2024-01-10",
        f"be-r4,BE,hotline,Hotline B,,https://b.example.org,nl,all,,,{SOURCE},high,",
        f"fr-r5,FR,police,PHAROS,,https://pharos.example.org,fr,all,,,{SOURCE},high,",
        f"int-r6,INT,removal,Take It Down,,https://takeitdown.example.org,en,children,,,{SOURCE},high,",
    )
    assert main(["channels.csv"], today=TODAY) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        "channels.csv: 6 rows, 2 countries and INT, no errors",
        "Read as UTF-8, separated by ','.",
        "",
        "country  emergency  crisis  helpline  police  hotline  removal  support  total",
        "BE               1       -         1       -        2        -        -      4",
        "FR               -       -         -       1        -        -        -      1",
        "INT              -       -         -       -        -        1        -      1",
        "",
        "Help box for BE:",
        "  emergency: 112 [be-r1]: 112: hours not listed",
        "  crisis: Child Focus [be-r2]: 116 000: 24/7",
        "  missing: BE (Belgium): no police reporting channel in data/reporting-channels.csv; "
        "the help box tells readers so",
        "Help box for FR:",
        "  police: PHAROS [fr-r5]: web only: a web page",
        "  missing: FR (France): no line open all night (a crisis line, or a helpline open 24/7) in "
        "data/reporting-channels.csv; the help box tells readers so",
        "  missing: FR (France): no child or youth helpline in data/reporting-channels.csv; "
        "the help box tells readers so",
        "",
        "To review (1):",
        (
            "  channels.csv:4:verified: '2024-01-10': "
            "last verified 2024-01-10, over 12 months ago: re-check against the source"
        ),
        "",
        ("Never verified: 4 of 6 rows. Check a row against its source, then set verified to that day (YYYY-MM-DD)."),
    ]


def test_a_complete_fresh_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path / "channels.csv",
        f"be-r7,BE,emergency,112,112,,,all,,,{SOURCE},high,2025-05-01",
        f"be-r8,BE,police,Police,,https://police.example.org,fr,all,,,{SOURCE},high,2025-05-01",
        f"be-r9,BE,helpline,Child Focus,116 000,,nl;fr,all,24/7,,{SOURCE},high,2025-05-01",
    )
    assert main([str(path)], today=TODAY) == 0
    out = capsys.readouterr().out
    assert "Help box for BE (complete):" in out
    assert "To review: none (no reader link looks like an article; none verified over 365 days ago)." in out
    assert "Never verified: 0 of 3 rows." in out


def test_a_bad_file_prints_every_problem_to_stderr_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "channels.csv",
        f"be-r10,BE,helpline,Child Focus,+32 2 000,,nl,all,,,{SOURCE},high,",
        f"uk-r11,UK,police,Police,,http://police.example.org,en,all,,,{SOURCE},high,",
        f"be-r12,BE,hotline,Hotline,,https://a.example.org,nl,all,,=cmd|' /C calc'!A0,{SOURCE},high,",
    )
    assert main(["channels.csv"], today=TODAY) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "4 problems in channels.csv:",
        (
            "channels.csv:2:phone: '+32 2 000': expected a phone number valid in BE "
            "(short numbers as dialled, e.g. 112, or full numbers)"
        ),
        ("channels.csv:3:country: 'UK': expected an ISO 3166-1 alpha-2 country code in capitals, e.g. BE, or INT"),
        "channels.csv:3:url: 'http://police.example.org': expected an https:// web address",
        (
            "channels.csv:4:remarks: \"=cmd|' /C calc'!A0\": expected text that does not start with "
            "=, +, - or @ (a spreadsheet would run it as a formula)"
        ),
    ]


def spreadsheet_saved(path: Path, *, encoding: str, delimiter: str) -> Path:
    """The file at ``path`` saved again as a spreadsheet would: in ``encoding`` (a BOM included, if the
    codec writes one; UTF-16 little-endian, with its BOM, as Excel writes it), with ``delimiter`` between
    cells and Windows line ends."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le") if encoding == "utf-16" else text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter", "said"),
    [
        # Excel's "CSV UTF-8 (Comma delimited)" where the list separator is ';' (Belgium, France, Germany...).
        ("utf-8-sig", ";", "Read as UTF-8 with BOM, separated by ';'."),
        # Excel's "Unicode Text".
        ("utf-16", "\t", "Read as UTF-16 LE with BOM, separated by tabs."),
    ],
)
def test_a_file_saved_by_a_spreadsheet_is_read_and_the_summary_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, delimiter: str, said: str
) -> None:
    # Until issue 19 the semicolons were refused ("wrong delimiter: expected ','") and UTF-16 was not UTF-8.
    path = write(tmp_path / "channels.csv", f"be-r15,BE,helpline,Child Focus,116 000,,nl;fr,all,,,{SOURCE},high,")
    assert main([str(path)], today=TODAY) == 0
    comma = capsys.readouterr().out.splitlines()
    spreadsheet_saved(path, encoding=encoding, delimiter=delimiter)
    assert main([str(path)], today=TODAY) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [comma[0], said, *comma[2:]]


def test_a_file_in_the_windows_code_page_is_refused_with_the_setting_to_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Excel's plain "CSV (Comma delimited)" writes the Windows code page: é is the one byte 0xE9.
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "channels.csv",
        f"be-r16,BE,emergency,112,112,,,all,,,{SOURCE},high,",
        f"fr-r17,FR,helpline,Fil Santé Jeunes,0800 235 236,,fr,all,,,{SOURCE},high,",
    )
    spreadsheet_saved(tmp_path / "channels.csv", encoding="cp1252", delimiter=";")
    assert main(["channels.csv"], today=TODAY) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0] == "1 problem in channels.csv:"
    refusal = err.splitlines()[1]
    assert refusal.startswith('channels.csv:3:-: "byte 0xE9 at offset ')
    assert ", on line 3, after 'fr-r17;FR;helpline;Fil Sant'\": expected UTF-8" in refusal
    assert "in Excel, File → Save As → CSV UTF-8 (Comma delimited) (*.csv)" in refusal
    assert "in LibreOffice Calc, File → Save As → Text CSV (.csv)" in refusal
    assert refusal.endswith("Character set: Unicode (UTF-8)")


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere.csv")], today=TODAY) == 1
    err = capsys.readouterr().err
    assert err == f"{tmp_path / 'nowhere.csv'}: cannot read the file: No such file or directory\n"


def test_a_header_only_file_is_an_error_not_an_empty_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "channels.csv")
    assert main(["channels.csv"], today=TODAY) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "1 problem in channels.csv:",
        "channels.csv:2:-: '': expected at least one row below the header",
    ]


def test_a_directory_is_named_as_such_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert main(["data"], today=TODAY) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "data: cannot read the file: it is a directory, not a CSV file\n"


def test_an_unreadable_file_is_named_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "channels.csv", f"be-r13,BE,emergency,112,112,,,all,,,{SOURCE},high,")

    def refuse(self: Path) -> bytes:
        # Permissions cannot be relied on to refuse (tests may run as root), so the refusal is staged.
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["channels.csv"], today=TODAY) == 1
    assert capsys.readouterr().err == "channels.csv: cannot read the file: Permission denied\n"


def test_a_file_of_international_services_only_claims_nothing_about_countries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "channels.csv",
        f"int-r14,INT,removal,Take It Down,,https://takeitdown.example.org,en,children,,,{SOURCE},high,",
    )
    assert main([str(path)], today=TODAY) == 0
    out = capsys.readouterr().out
    assert "No country has a row yet, only the international services." in out
    assert "Help box for" not in out


def test_help_explains_the_error_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # argparse wraps at hyphens on a narrow terminal
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "PATH:ROW:COLUMN: 'VALUE': what was expected" in out
    assert "data/reporting-channels.csv" in out


def _edition_project(tmp_path: Path) -> Path:
    """The kit's data and settings, with an edition's own rows (one correcting the kit's) and notes."""
    import shutil

    project = tmp_path / "kit"
    shutil.copytree(REPO / "data", project / "data")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "edition" / "notes").mkdir(parents=True)
    (project / "edition" / "settings.yml").write_text("country: PL\nlanguages: [pl, en]\n", encoding="utf-8")
    return project


def test_the_editions_own_rows_are_checked_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _edition_project(tmp_path)
    own = write(
        project / "edition" / "reporting-channels.csv",
        f"pl-dyzurnet,PL,hotline,Dyżurnet.pl,,https://www.dyzurnet.pl,pl,all,,Checked.,{SOURCE},high,2026-11-20",
        f"pl-own,PL,police,Our police desk,,https://example.org/,pl,all,,,{SOURCE},high,2026-11-20",
    )
    for language in ("pl", "en"):
        (project / "edition" / "notes" / f"{language}.yml").write_text('channels:\n  pl-own: "x"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main([], today=date.today()) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert (
        "edition/reporting-channels.csv: 2 rows, no errors: 1 correct the kit's (pl-dyzurnet), 1 added (pl-own)"
    ) in out
    assert "Our police desk" in out.split("Help box for PL", 1)[1].split("Help box for", 1)[0]
    # A mistake in the edition's file, and a note it lacks, named together.
    own.write_text(own.read_text(encoding="utf-8").replace("https://example.org/,pl", "http://example.org/,pl"))
    (project / "edition" / "notes" / "en.yml").unlink()
    assert main([], today=date.today()) == 1
    out, err = capsys.readouterr()
    assert "edition/reporting-channels.csv:3:url: 'http://example.org/': expected an https:// web address" in err
    # The notes are checked once the rows are readable.
    own.write_text(own.read_text(encoding="utf-8").replace("http://example.org/,pl", "https://example.org/,pl"))
    assert main([], today=date.today()) == 1
    out, err = capsys.readouterr()
    assert "edition/notes/en.yml: missing: expected the en notes of the rows edition/reporting-channels.csv adds" in err
