"""helpkit.publish: one build at a time, checked, swapped in atomically; `make site`, `make offline`, `make print`.

Real folders, real locks and real processes; the build is a small script writing a small site,
so these tests take seconds. `make site` and `make offline` run for real from a folder whose
name has a space, with that script standing in for MkDocs.
"""

from __future__ import annotations

import errno
import fcntl
import functools
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT
from helpkit import publish

# A stand-in for `mkdocs build --site-dir DIR`: a two-language site, the sitemap written last.
# FAKE_STARTED: write this file (the script's pid) once half the site is written, then wait for
# FAKE_GO to exist. FAKE_FAIL: exit with this status instead of finishing the site.
FAKE_BUILD = r"""
import os, sys, time
from pathlib import Path

args = sys.argv[1:]
site = Path(args[args.index("--site-dir") + 1])
marker = os.environ.get("FAKE_MARKER", "new")
site.mkdir(parents=True, exist_ok=True)
switcher = "".join(
    f'<a href="/{code}/" hreflang="{code}" class="md-select__link" lang="{code}">{code}</a>' for code in ("en", "fr")
)
(site / "index.html").write_text(f'<html lang="en"><body>{switcher}<p>{marker}</p></body></html>', encoding="utf-8")
(site / "about").mkdir(exist_ok=True)
(site / "about" / "index.html").write_text(f"<html lang=en><p>{marker} about</p></html>", encoding="utf-8")
if os.environ.get("FAKE_STARTED"):
    Path(os.environ["FAKE_STARTED"]).write_text(str(os.getpid()), encoding="utf-8")
    deadline = time.monotonic() + 60
    while not Path(os.environ["FAKE_GO"]).exists() and time.monotonic() < deadline:
        time.sleep(0.02)
if os.environ.get("FAKE_FAIL"):
    print("ERROR   -  Doc file 'friends.md' contains a link 'pas-de-page.md', not found", file=sys.stderr)
    sys.exit(int(os.environ["FAKE_FAIL"]))
(site / "fr").mkdir(exist_ok=True)
(site / "fr" / "index.html").write_text(f'<html lang="fr"><p>{marker} fr</p></html>', encoding="utf-8")
(site / "sitemap.xml").write_text(
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>./</loc></url><url><loc>about/</loc></url><url><loc>fr/</loc></url></urlset>",
    encoding="utf-8",
)
print(f"INFO    -  Documentation built in {site}")
"""

BUSY = "wait for it to finish, then run the command again"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) below `folder`, by relative path."""
    return {str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes() for path in folder.rglob("*")}


def leftovers(dest: Path) -> list[str]:
    return sorted(path.name for path in dest.parent.glob(f".{dest.name}.building-*"))


def write_site(folder: Path, marker: str) -> None:
    """The fake build's small site, written into `folder`."""
    subprocess.run(
        [sys.executable, "-c", FAKE_BUILD, "--site-dir", str(folder)],
        env={**os.environ, "FAKE_MARKER": marker},
        check=True,
        capture_output=True,
    )


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    script = tmp_path / "fake_build.py"
    script.write_text(FAKE_BUILD, encoding="utf-8")
    return script


@pytest.fixture
def old_site(tmp_path: Path, builds: None) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    write_site(site, "old")
    return site


def command(fake_build: Path) -> list[str]:
    return [sys.executable, str(fake_build), "--site-dir", "{}"]


def run_cli(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "helpkit", "publish", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _ctrl_c_as_at_a_terminal() -> None:
    # A shell without job control starts background commands with SIGINT ignored, and Python then
    # installs no KeyboardInterrupt handler: `make test &` would test nothing of Ctrl-C. The command
    # under test is started as from a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(autouse=True)
def ctrl_c_raises() -> Iterator[None]:
    """Ctrl-C in this process raises KeyboardInterrupt, however the test run was started."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def start_cli(cwd: Path, *args: str, env: dict[str, str], new_session: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "helpkit", "publish", *args],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=new_session,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def wait_for(path: Path, process: subprocess.Popen[str] | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"exited {process.returncode} before {path.name}: {process.communicate()}")
        assert time.monotonic() < deadline, f"timed out waiting for {path}"
        time.sleep(0.02)


@pytest.fixture
def lock_held(old_site: Path) -> Iterator[Path]:
    """The lock of site/ held through a second open file, as another build would hold it."""
    lock = publish.lock_path(old_site)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        yield lock
    finally:
        os.close(fd)


# --- The swap ------------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").write_text("1", encoding="utf-8")
    (second / "two").write_text("2", encoding="utf-8")
    publish.exchange(first, second)
    assert [path.name for path in first.iterdir()] == ["two"]
    assert [path.name for path in second.iterdir()] == ["one"]


def test_a_build_replaces_the_old_site_and_leaves_nothing_beside_it(old_site: Path) -> None:
    publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), check=publish.check_site)
    assert "<p>new</p>" in (old_site / "index.html").read_text(encoding="utf-8")
    assert (old_site / "fr" / "index.html").is_file()
    assert leftovers(old_site) == []
    assert publish.lock_path(old_site).is_file()
    # The published folder has the usual permissions, not mkdtemp's private 0700.
    umask = os.umask(0)
    os.umask(umask)
    assert old_site.stat().st_mode & 0o777 == 0o777 & ~umask


@pytest.mark.usefixtures("builds")
def test_a_first_build_needs_no_old_site(tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    publish.publish_folder(site, lambda folder: write_site(folder, "new"), check=publish.check_site)
    assert "<p>new</p>" in (site / "index.html").read_text(encoding="utf-8")
    assert leftovers(site) == []


def unsupported(first: Path, second: Path) -> None:
    raise publish.ExchangeUnsupported("not here")


def test_without_the_exchange_two_renames_swap(old_site: Path) -> None:
    swap = functools.partial(publish.swap_in, exchange=unsupported)
    publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), check=publish.check_site, swap=swap)
    assert "<p>new</p>" in (old_site / "index.html").read_text(encoding="utf-8")
    assert leftovers(old_site) == []


def test_a_failure_between_the_two_renames_puts_the_old_site_back(old_site: Path) -> None:
    before = snapshot(old_site)
    calls: list[tuple[Path, Path]] = []

    def rename(source: Path, target: Path) -> None:
        calls.append((source, target))
        if len(calls) == 2:  # the new folder into place
            raise OSError(errno.EIO, "injected failure")
        os.rename(source, target)

    swap = functools.partial(publish.swap_in, exchange=unsupported, rename=rename)
    with pytest.raises(OSError, match="injected failure"):
        publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), swap=swap)
    assert [target.name for _, target in calls] == ["old", "site", "site"]
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


@pytest.mark.parametrize("failure", [OSError(errno.EIO, "injected failure"), KeyboardInterrupt()])
def test_a_failed_exchange_leaves_the_old_site(old_site: Path, failure: BaseException) -> None:
    before = snapshot(old_site)

    def exchange(first: Path, second: Path) -> None:
        raise failure

    swap = functools.partial(publish.swap_in, exchange=exchange)
    with pytest.raises((OSError, publish.Interrupted)):
        publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), swap=swap)
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


def test_ctrl_c_during_the_swap_waits_for_it_and_says_the_new_site_is_in_place(old_site: Path) -> None:
    def swap(new: Path, dest: Path, old: Path) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # held back until the swap is done
        publish.swap_in(new, dest, old)

    with pytest.raises(publish.Interrupted) as raised:
        publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), swap=swap)
    assert raised.value.published
    assert "already holds the new build" in str(raised.value)
    assert "<p>new</p>" in (old_site / "index.html").read_text(encoding="utf-8")
    assert leftovers(old_site) == []


# --- Failed builds publish nothing ---------------------------------------------------------


def test_a_build_that_raises_publishes_nothing(old_site: Path) -> None:
    before = snapshot(old_site)

    def build(folder: Path) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError):
        publish.publish_folder(old_site, build, check=publish.check_site)
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


def test_an_interrupted_build_publishes_nothing(old_site: Path) -> None:
    before = snapshot(old_site)

    def build(folder: Path) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(publish.Interrupted) as raised:
        publish.publish_folder(old_site, build)
    assert not raised.value.published
    assert str(raised.value).endswith("is unchanged")
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


def test_an_incomplete_build_publishes_nothing(old_site: Path) -> None:
    before = snapshot(old_site)

    def build(folder: Path) -> None:
        write_site(folder, "new")
        shutil.rmtree(folder / "fr")

    with pytest.raises(publish.Incomplete, match=r"no home page for fr/index\.html"):
        publish.publish_folder(old_site, build, check=publish.check_site)
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


def test_the_command_fails_with_the_build_and_keeps_the_old_site(
    tmp_path: Path, old_site: Path, fake_build: Path
) -> None:
    before = snapshot(old_site)
    result = run_cli(tmp_path, "site", "site", "--", *command(fake_build), env={"FAKE_FAIL": "3"})
    assert result.returncode == 3
    assert "pas-de-page.md" in result.stderr
    assert result.stderr.endswith("error: the build failed (exit status 3); site/ is unchanged\n")
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


def test_the_command_refuses_an_incomplete_build(tmp_path: Path, old_site: Path, fake_build: Path) -> None:
    before = snapshot(old_site)
    result = run_cli(tmp_path, "site", "site", "--languages", "en,fr,de", "--", *command(fake_build))
    assert result.returncode == 1
    assert result.stderr.endswith(
        "error: the new build of site/ is incomplete: no home page for de/index.html; site/ is unchanged\n"
    )
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


# --- One build at a time -------------------------------------------------------------------


def test_while_the_lock_is_held_a_second_build_refuses(old_site: Path, lock_held: Path) -> None:
    before = snapshot(old_site)
    built: list[Path] = []
    with pytest.raises(publish.Busy) as raised:
        publish.publish_folder(old_site, built.append)
    assert built == []
    assert str(raised.value) == (f"another build of {old_site}/ is running (lock: {lock_held}); {BUSY}")
    assert snapshot(old_site) == before


def test_the_command_refuses_while_the_lock_is_held(
    tmp_path: Path, old_site: Path, fake_build: Path, lock_held: Path
) -> None:
    before = snapshot(old_site)
    result = run_cli(tmp_path, "site", "site", "--", *command(fake_build))
    assert result.returncode == 1
    assert result.stderr == f"error: another build of site/ is running (lock: .site.lock); {BUSY}\n"
    assert result.stdout == ""  # the build never ran
    assert snapshot(old_site) == before


def test_two_builds_at_once_the_second_refuses_and_the_first_completes(
    tmp_path: Path, old_site: Path, fake_build: Path
) -> None:
    started, go = tmp_path / "started", tmp_path / "go"
    first = start_cli(
        tmp_path, "site", "site", "--", *command(fake_build), env={"FAKE_STARTED": str(started), "FAKE_GO": str(go)}
    )
    try:
        wait_for(started, first)  # the first holds the lock and is half-way through its build
        second = run_cli(tmp_path, "site", "site", "--", *command(fake_build), env={"FAKE_MARKER": "second"})
        assert second.returncode == 1
        assert second.stderr == (
            f"error: another build of site/ is running (process {first.pid}; lock: .site.lock); {BUSY}\n"
        )
        assert "<p>old</p>" in (old_site / "index.html").read_text(encoding="utf-8")
    finally:
        go.touch()
        _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert "<p>new</p>" in (old_site / "index.html").read_text(encoding="utf-8")
    assert publish.check_site(old_site) == 3
    assert leftovers(old_site) == []


@pytest.mark.parametrize("how", ["SIGINT to the group (Ctrl-C)", "SIGTERM", "SIGHUP"])
def test_an_interrupted_command_cleans_up_and_keeps_the_old_site(
    tmp_path: Path, old_site: Path, fake_build: Path, how: str
) -> None:
    before = snapshot(old_site)
    started, go = tmp_path / "started", tmp_path / "go"
    env = {"FAKE_STARTED": str(started), "FAKE_GO": str(go)}
    process = start_cli(tmp_path, "site", "site", "--", *command(fake_build), env=env, new_session=True)
    try:
        wait_for(started, process)
        assert len(leftovers(old_site)) == 1  # the half-written build
        if how.startswith("SIGINT"):
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(getattr(signal, how))
        _, err = process.communicate(timeout=60)
    finally:
        go.touch()
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert err.endswith("error: interrupted: site/ is unchanged\n")
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


# --- Leftovers of killed builds ------------------------------------------------------------


def test_the_next_build_removes_what_a_killed_build_left(old_site: Path) -> None:
    stale = old_site.parent / ".site.building-killed"
    (stale / "new").mkdir(parents=True)
    (stale / "new" / "index.html").write_text("half", encoding="utf-8")
    publish.publish_folder(old_site, lambda folder: write_site(folder, "new"), check=publish.check_site)
    assert not stale.exists()
    assert "<p>new</p>" in (old_site / "index.html").read_text(encoding="utf-8")


def test_a_site_left_between_the_two_renames_is_put_back(old_site: Path) -> None:
    # As if the process died between "site/ aside" and "the new folder in" (the fallback swap).
    before = snapshot(old_site)
    stale = old_site.parent / ".site.building-killed"
    stale.mkdir()
    old_site.rename(stale / "old")
    (stale / "new").mkdir()

    def build(folder: Path) -> None:
        assert snapshot(old_site) == before  # put back before the build starts
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError):
        publish.publish_folder(old_site, build)
    assert snapshot(old_site) == before
    assert leftovers(old_site) == []


# --- The check ----------------------------------------------------------------------------


@pytest.mark.usefixtures("builds")
def test_check_site_counts_pages_and_finds_what_is_missing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, "new")
    assert publish.check_site(site) == 3
    assert publish.check_site(site, ["en", "fr"]) == 3
    with pytest.raises(publish.Incomplete, match=r"no home page for de/index\.html"):
        publish.check_site(site, ["en", "de"])
    (site / "about" / "index.html").unlink()
    with pytest.raises(publish.Incomplete, match=r"pages of sitemap\.xml missing: about/index\.html"):
        publish.check_site(site)
    (site / "index.html").unlink()
    with pytest.raises(publish.Incomplete, match=r"no index\.html"):
        publish.check_site(site)
    with pytest.raises(publish.Incomplete, match="no HTML page"):
        publish.check_site(tmp_path / "empty")


def test_check_site_reads_absolute_sitemap_addresses_against_the_canonical_start_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html lang="en"><link rel="canonical" href="https://help.example.org/kit/">'
        '<a class="md-select__link" hreflang="fr" href="/kit/fr/">fr</a></html>',
        encoding="utf-8",
    )
    (site / "fr" / "index.html").write_text("<html lang=fr></html>", encoding="utf-8")
    (site / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://help.example.org/kit/</loc></url>"
        "<url><loc>https://help.example.org/kit/fr/</loc></url>"
        "<url><loc>https://help.example.org/kit/fr/caf%C3%A9.html</loc></url>"
        "<url><loc>https://elsewhere.example/</loc></url></urlset>",
        encoding="utf-8",
    )
    with pytest.raises(publish.Incomplete, match=r"fr/café\.html"):
        publish.check_site(site)
    (site / "fr" / "café.html").write_text("<html></html>", encoding="utf-8")
    assert publish.check_site(site) == 3


def test_check_site_accepts_the_real_site(site: Path) -> None:
    """The session's real build (conftest `site`): every language's home page and sitemap page."""
    from conftest import LANGUAGES

    assert publish.check_site(site) == sum(1 for _ in site.rglob("*.html"))
    assert publish.check_site(site, LANGUAGES) > len(LANGUAGES)


# --- The zip -------------------------------------------------------------------------------


@pytest.mark.usefixtures("builds")
def test_the_zip_is_replaced_whole_under_a_path_with_spaces(tmp_path: Path, fake_build: Path) -> None:
    dist = tmp_path / "with space" / "dist"
    archive = dist / "kit offline.zip"
    args = ["zip", str(archive), "--folder", "my kit", "--", *command(fake_build)]
    first = run_cli(tmp_path, *args)
    assert first.returncode == 0, first.stderr
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert "<p>new</p>" in opened.read("my kit/index.html").decode()
    assert {"my kit/", "my kit/index.html", "my kit/fr/index.html", "my kit/sitemap.xml"} <= set(names)
    assert all(name.startswith("my kit/") for name in names)
    assert sorted(path.name for path in dist.iterdir()) == [".kit offline.zip.lock", "kit offline.zip"]
    before = archive.read_bytes()
    failed = run_cli(tmp_path, *args, env={"FAKE_FAIL": "1"})
    assert failed.returncode == 1
    assert failed.stderr.endswith(
        "error: the build failed (exit status 1); with space/dist/kit offline.zip is unchanged\n"
    )
    assert archive.read_bytes() == before
    assert sorted(path.name for path in dist.iterdir()) == [".kit offline.zip.lock", "kit offline.zip"]


# --- make site, make offline and make print ------------------------------------------------


@pytest.fixture
def spaced_project(tmp_path: Path, fake_build: Path) -> Path:
    """The Makefile and the helpkit command in a folder with a space, the fake build standing in for MkDocs."""
    project = tmp_path / "with space" / "kit"
    project.mkdir(parents=True)
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    (project / "tools" / "node").mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        (project / "tools" / "node" / name).write_text("{}", encoding="utf-8")
    bin_folder = project / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    (bin_folder / "mkdocs").write_text(f'#!/bin/sh\nexec "{sys.executable}" "{fake_build}" "$@"\n', encoding="utf-8")
    (bin_folder / "helpkit").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m helpkit "$@"\n', encoding="utf-8")
    for tool in ("python", "mkdocs", "helpkit"):
        (bin_folder / tool).chmod(0o755)
    # Installed, as far as make can tell: the stamps are newer than what they depend on.
    earlier = time.time() - 60
    for source in ("requirements.txt", "pyproject.toml", "tools/node/package.json", "tools/node/package-lock.json"):
        os.utime(project / source, (earlier, earlier))
    for stamp in (project / ".venv" / ".runtime-installed", project / "tools/node/node_modules/.installed"):
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    return project


def make(project: Path, target: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "PYTHONPATH")}
    return subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=project,
        env={**environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.usefixtures("builds")
def test_make_site_and_make_offline_work_from_a_path_with_spaces(spaced_project: Path) -> None:
    site = make(spaced_project, "site")
    assert site.returncode == 0, site.stderr
    assert site.stdout.endswith("Site built in site/\n")
    assert publish.check_site(spaced_project / "site") == 3
    offline = make(spaced_project, "offline")
    assert offline.returncode == 0, offline.stderr
    assert "Offline copy: dist/sextortion-help-kit-offline.zip" in offline.stdout
    with zipfile.ZipFile(spaced_project / "dist" / "sextortion-help-kit-offline.zip") as opened:
        assert "sextortion-help-kit/fr/index.html" in opened.namelist()
    assert sorted(path.name for path in spaced_project.iterdir() if path.name.startswith(".site")) == [".site.lock"]


@pytest.mark.usefixtures("builds")
def test_make_site_failing_keeps_the_old_site(spaced_project: Path) -> None:
    assert make(spaced_project, "site").returncode == 0
    before = snapshot(spaced_project / "site")
    failed = make(spaced_project, "site", {"FAKE_FAIL": "1", "FAKE_MARKER": "broken"})
    assert failed.returncode != 0
    assert "pas-de-page.md" in failed.stderr
    assert "error: the build failed (exit status 1); site/ is unchanged" in failed.stderr
    assert "Site built" not in failed.stdout
    assert snapshot(spaced_project / "site") == before
    assert leftovers(spaced_project / "site") == []


@pytest.mark.usefixtures("builds")
def test_two_make_site_at_once_the_second_refuses(spaced_project: Path, tmp_path: Path) -> None:
    started, go = tmp_path / "started", tmp_path / "go"
    environ = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "PYTHONPATH")}
    first = subprocess.Popen(
        ["make", "--no-print-directory", "site"],
        cwd=spaced_project,
        env={**environ, "FAKE_STARTED": str(started), "FAKE_GO": str(go)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(started, first)
        second = make(spaced_project, "site", {"FAKE_MARKER": "second"})
        assert second.returncode != 0
        assert "error: another build of site/ is running (process " in second.stderr
        assert f"; lock: .site.lock); {BUSY}" in second.stderr
        assert "Site built" not in second.stdout
    finally:
        go.touch()
        out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert out.endswith("Site built in site/\n")
    assert "<p>new</p>" in (spaced_project / "site" / "index.html").read_text(encoding="utf-8")
    assert publish.check_site(spaced_project / "site") == 3


def run_make_print(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_COUNTRY", "SITE_LANGUAGES")}
    return subprocess.run(
        [sys.executable, "-m", "helpkit", "print", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def old_print(tmp_path: Path) -> Path:
    out = tmp_path / "dist" / "print"
    (out / "en").mkdir(parents=True)
    (out / "en" / "leaflet.pdf").write_bytes(b"%PDF-old")
    return out


@pytest.mark.usefixtures("builds")
def test_make_print_failing_keeps_the_old_documents(tmp_path: Path, old_print: Path) -> None:
    not_a_site = tmp_path / "empty"
    not_a_site.mkdir()
    config = str(ROOT / "mkdocs.yml")
    result = run_make_print(tmp_path, "--config-file", config, "--site", str(not_a_site), "--out", "dist/print")
    assert result.returncode == 1
    assert result.stderr == f"error: {not_a_site}: expected a built site (no index.html); dist/print/ is unchanged\n"
    assert snapshot(old_print) == {"en": None, "en/leaflet.pdf": b"%PDF-old"}
    assert leftovers(old_print) == []


@pytest.mark.usefixtures("builds")
def test_make_print_refuses_while_another_run_holds_the_lock(tmp_path: Path, old_print: Path) -> None:
    fd = os.open(publish.lock_path(old_print), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        result = run_make_print(tmp_path, "--out", "dist/print")
    finally:
        os.close(fd)
    assert result.returncode == 1
    assert result.stderr == f"error: another build of dist/print/ is running (lock: dist/.print.lock); {BUSY}\n"
    assert snapshot(old_print) == {"en": None, "en/leaflet.pdf": b"%PDF-old"}
