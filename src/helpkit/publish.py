"""Publish a build: one at a time, into a fresh folder, checked, then swapped into place atomically.

`make site`, `make offline` and `make print` write their output through here, so that a reader of
`site/` (a web server, a copy, a second build) only ever sees the old complete output or the new
complete one:

1. **A lock.** `fcntl.flock` on `.NAME.lock` beside the destination `NAME`, taken without waiting:
   a second build of the same destination stops at once with `Busy` ("another build of site/ is
   running ...") and changes nothing. The lock goes with the process, however it ends (even
   `kill -9`); the lock file itself stays (an empty file: deleting it would let a third build lock
   a different file than a waiting one).
2. **A fresh folder.** `.NAME.building-XXXXXXXX/` beside the destination (so every rename stays on
   one filesystem), with the build in its `new/`. Leftovers of a build that was killed are removed
   by the next one, under the lock.
3. **A check** of the new build before anything is swapped (`check_site`: HTML pages, the home page
   of every language, every page of the sitemap).
4. **The swap.** On Linux, `renameat2(RENAME_EXCHANGE)` exchanges the new folder and the old one
   in one system call; the old one, now in the build folder, is then deleted. With no old folder, a
   plain rename. Where the exchange is unavailable (not Linux, a kernel or filesystem without it)
   two renames: the old folder aside, the new one in, and the old one put back if the second fails.
   Between those two renames, a window of microseconds, the destination does not exist; if the
   process dies right there (`kill -9`, power cut) the old folder stays in the build folder and the
   next build puts it back. SIGINT, SIGTERM and SIGHUP are held back during the swap. A zip is
   written in the build folder and moved over the old one with `os.replace`, which is atomic.
5. **Cleanup.** On any failure, Ctrl-C, SIGTERM or SIGHUP the build folder is deleted and the
   destination stays as it was.

Nothing is fsync'ed: this protects against concurrent builds and interruptions, not power cuts.

    PYTHONPATH=hooks python -m helpkit.publish site site -- mkdocs build --strict --site-dir {}
    PYTHONPATH=hooks python -m helpkit.publish zip dist/kit.zip --folder kit -- mkdocs build --site-dir {}

`{}` stands for the folder the command builds into. The command's output passes through; its exit
status, when it fails, is the publisher's.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import functools
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Callable, Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote, urlsplit

T = TypeVar("T")

# Inside a build folder: the new build, and the old destination while the fallback swaps.
NEW = "new"
OLD = "old"
PARTIAL_ZIP = "partial.zip"
# <linux/fcntl.h>, <linux/fs.h>
AT_FDCWD = -100
RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
_DEFERRED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class PublishError(Exception):
    """A problem reported in one message; `exit_code` is the command's exit status."""

    exit_code = 1


class Busy(PublishError):
    """Another build holds the destination's lock."""


class BuildFailed(PublishError):
    """The build command failed; its exit status becomes the publisher's."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Incomplete(PublishError):
    """The new build is missing something `check_site` expects."""


class Interrupted(PublishError):
    """Ctrl-C, SIGTERM or SIGHUP; `published` says whether the new build was already in place."""

    exit_code = 130

    def __init__(self, dest: Path, published: bool) -> None:
        state = f"{shown(dest)} already holds the new build" if published else f"{shown(dest)} is unchanged"
        super().__init__(f"interrupted: {state}")
        self.published = published


class ExchangeUnsupported(Exception):
    """renameat2(RENAME_EXCHANGE) is not available here: swap with two renames instead."""


def shown(path: Path) -> str:
    """The path for a message: relative to the working folder when inside it; a folder ends in /."""
    path = Path(path)
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        text = str(path)
    is_folder = path.is_dir() if os.path.lexists(path) else not path.suffix
    return text.rstrip("/") + "/" if is_folder else text


def lock_path(dest: Path) -> Path:
    return dest.parent / f".{dest.name}.lock"


def _building_prefix(dest: Path) -> str:
    return f".{dest.name}.building-"


@contextlib.contextmanager
def exclusive(dest: Path) -> Iterator[Path]:
    """Hold the lock of `dest` (yields the lock file), or raise `Busy` at once."""
    lock = lock_path(dest)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            process = f"process {holder}; " if holder.isdigit() else ""
            raise Busy(
                f"another build of {shown(dest)} is running ({process}lock: {shown(lock)}); "
                "wait for it to finish, then run the command again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield lock
    finally:
        os.close(fd)  # releases the lock


def _remove(path: Path) -> None:
    if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def sweep(dest: Path) -> list[Path]:
    """Under the lock: delete what killed builds left beside `dest`; returns what was deleted.

    When `dest` is missing and a build folder holds an old destination (a process that died
    between the fallback's two renames), that old destination is put back first.
    """
    leftovers = sorted(
        (Path(path) for path in glob.glob(os.path.join(glob.escape(str(dest.parent)), _building_prefix(dest) + "*"))),
        key=lambda path: path.lstat().st_mtime,
    )
    if not os.path.lexists(dest):
        olds = [folder / OLD for folder in leftovers if (folder / OLD).is_dir()]
        if olds:
            os.rename(olds[-1], dest)
            print(f"{shown(dest)} put back from an interrupted swap", file=sys.stderr)
    for folder in leftovers:
        _remove(folder)
    return leftovers


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28+
    if function is None:
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> None:
    """Exchange two existing paths in one step, or raise `ExchangeUnsupported`."""
    function = _renameat2()
    if function is None:
        raise ExchangeUnsupported("renameat2 is not available")
    if function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        if code in _UNSUPPORTED:
            raise ExchangeUnsupported(os.strerror(code))
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_in(
    new: Path,
    dest: Path,
    old: Path,
    *,
    exchange: Callable[[Path, Path], None] = exchange,
    rename: Callable[[Path, Path], None] = os.rename,
) -> None:
    """Put the folder `new` at `dest`. The old `dest`, if any, ends up at `new` or `old`.

    Either `dest` is the new folder afterwards, or this raises and `dest` is the old one.
    """
    if not os.path.lexists(dest):
        rename(new, dest)
        return
    try:
        exchange(new, dest)
        return
    except ExchangeUnsupported:
        pass
    rename(dest, old)
    try:
        rename(new, dest)
    except BaseException:
        rename(old, dest)
        raise


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait until the block ends (then they are delivered).

    The signals are caught and remembered rather than masked: a signal sent to the process may
    reach any of its threads, and Python runs every handler in the main thread, where this runs.
    """
    pending: list[int] = []

    def remember(signum: int, frame: object) -> None:
        pending.append(signum)

    try:
        previous = {signum: signal.signal(signum, remember) for signum in _DEFERRED}
    except ValueError:  # not the main thread: no handler can be set, nothing to defer
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            signal.raise_signal(pending[0])


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def interrupt_on_signals() -> None:
    """SIGTERM and SIGHUP raise KeyboardInterrupt, like Ctrl-C, so that cleanup runs (main thread only)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)


def _prepare(dest: Path, *, folder: bool) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if folder and os.path.lexists(dest) and not dest.is_dir():
        raise PublishError(f"{dest} exists and is not a folder")
    if not folder and dest.is_dir():
        raise PublishError(f"{dest} is a folder: expected a file name")


def publish_folder(
    dest: Path,
    build: Callable[[Path], T],
    *,
    check: Callable[[Path], object] | None = None,
    swap: Callable[[Path, Path, Path], None] = swap_in,
) -> T:
    """`build(folder)` into a fresh folder, `check(folder)`, then swap it in at `dest`.

    Raises `Busy` while another build holds the lock, and on any failure leaves `dest` as it was.
    """
    return _publish(Path(dest), build, check, lambda new, work: swap(new, Path(dest), work / OLD), folder=True)


def _publish(
    dest: Path,
    build: Callable[[Path], T],
    check: Callable[[Path], object] | None,
    place: Callable[[Path, Path], None],
    *,
    folder: bool,
) -> T:
    """Under the lock: build into a fresh folder, check it, then `place(new, work)` at `dest` with
    signals held back; the work folder goes whatever happens."""
    _prepare(dest, folder=folder)
    with exclusive(dest):
        sweep(dest)
        work = Path(tempfile.mkdtemp(dir=dest.parent, prefix=_building_prefix(dest)))
        published = False
        try:
            new = work / NEW
            new.mkdir()  # mkdtemp's own folder is private (0700); this one has the usual permissions
            result = build(new)
            if check is not None:
                check(new)
            with signals_deferred():
                place(new, work)
                published = True
        except KeyboardInterrupt:
            raise Interrupted(dest, published) from None
        finally:
            _remove(work)  # the unpublished build, or the old destination
    return result


def write_zip(archive: Path, folder: Path, name: str) -> int:
    """Zip `folder` as `name/...` (as `python -m zipfile -c` would); returns the count of files."""
    count = 0
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as opened:

        def add(path: Path, arcname: str) -> None:
            nonlocal count
            opened.write(path, arcname)
            if path.is_dir():
                for child in sorted(os.listdir(path)):
                    add(path / child, f"{arcname}/{child}")
            else:
                count += 1

        add(folder, name)
    return count


def publish_zip(
    dest: Path,
    build: Callable[[Path], T],
    *,
    folder: str,
    check: Callable[[Path], object] | None = None,
) -> T:
    """`build(folder)` into a fresh folder, `check(folder)`, zip it as `folder/...`, move the zip to `dest`."""
    dest = Path(dest)

    def place(new: Path, work: Path) -> None:
        partial = work / PARTIAL_ZIP  # the usual permissions, unlike mkstemp's
        write_zip(partial, new, folder)
        os.replace(partial, dest)

    return _publish(dest, build, check, place, folder=False)


class _StartPage(HTMLParser):
    """What `check_site` reads from a site's index.html."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.switcher: list[str] = []
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.language = found.get("lang", "")
        elif tag == "a" and "md-select__link" in found.get("class", "").split() and found.get("hreflang"):
            self.switcher.append(found["hreflang"])
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = found.get("href", "")


def _sitemap_file(loc: str, base: str) -> str | None:
    """The file below the site's root that a sitemap address names, or None for an address elsewhere."""
    if base and loc.startswith(base):
        relative = loc[len(base) :]
    elif not urlsplit(loc).scheme and not loc.startswith("/"):
        relative = loc
    else:
        return None
    relative = unquote(urlsplit(relative).path).removeprefix("./")
    if relative in ("", ".") or relative.endswith("/"):
        relative = relative.removesuffix(".") + "index.html"
    if ".." in Path(relative).parts:
        return None
    return relative


def check_site(folder: Path, languages: Sequence[str] | None = None) -> int:
    """Raise `Incomplete` unless `folder` holds a whole built site; returns its count of HTML pages.

    Checked: at least one HTML page; index.html at the root; `<lang>/index.html` for every language
    other than the root's (`languages`, else the language switcher of the root's index.html; the root
    language is its <html lang>); every page sitemap.xml lists, when there is one (addresses outside
    the site, as with a site_url the start page does not name as canonical, are not checked).
    """
    folder = Path(folder)
    pages = sum(1 for _ in folder.rglob("*.html"))
    if pages == 0:
        raise Incomplete("no HTML page")
    index = folder / "index.html"
    if not index.is_file():
        raise Incomplete("no index.html")
    start = _StartPage()
    start.feed(index.read_text(encoding="utf-8", errors="replace"))
    wanted = list(languages) if languages else start.switcher
    missing = [
        f"{code}/index.html"
        for code in wanted
        if code != start.language and not (folder / code / "index.html").is_file()
    ]
    if missing:
        raise Incomplete(f"no home page for {', '.join(missing)}")
    sitemap = folder / "sitemap.xml"
    if sitemap.is_file():
        try:
            root = ElementTree.parse(sitemap).getroot()
        except ElementTree.ParseError as error:
            raise Incomplete(f"sitemap.xml does not parse: {error}") from None
        listed = [(element.text or "").strip() for element in root.iter() if element.tag.rsplit("}", 1)[-1] == "loc"]
        files = [_sitemap_file(loc, start.canonical) for loc in listed]
        absent = [name for name in files if name is not None and not (folder / name).is_file()]
        if absent:
            more = f" and {len(absent) - 3} more" if len(absent) > 3 else ""
            raise Incomplete(f"pages of sitemap.xml missing: {', '.join(absent[:3])}{more}")
    return pages


def run_build(command: Sequence[str], folder: Path) -> None:
    """Run `command` with `{}` replaced by `folder`; raise `BuildFailed` if it fails."""
    argv = [part.replace("{}", str(folder)) for part in command]
    try:
        result = subprocess.run(argv, check=False)
    except OSError as error:
        raise BuildFailed(f"cannot run {argv[0]}: {error.strerror}", 127) from None
    if result.returncode != 0:
        status = result.returncode if result.returncode > 0 else 128 - result.returncode
        raise BuildFailed(f"the build failed (exit status {status})", status)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helpkit publish",
        usage="%(prog)s {site,zip} DEST [--folder NAME] [--languages LIST] -- COMMAND ... {} ...",
        description="Run a build command into a fresh folder ({} in the command), check it, and swap it "
        "in at DEST atomically (site), or zip it and move the zip to DEST (zip). One build of DEST at a "
        "time: while another holds the lock, stop with exit status 1.",
    )
    parser.add_argument("kind", choices=("site", "zip"), help="publish a site folder, or a zip of one")
    parser.add_argument("dest", type=Path, help="the folder (site) or the zip file (zip) to replace")
    parser.add_argument("--folder", help="zip: the name of the folder inside the zip")
    parser.add_argument(
        "--languages", help="comma-separated languages whose home page must exist (default: the switcher's)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if "--" not in arguments:
        parser.error("expected -- and the build command")
    split = arguments.index("--")
    args = parser.parse_args(arguments[:split])
    command = arguments[split + 1 :]
    if not any("{}" in part for part in command):
        parser.error("expected a build command with {} where the folder to build into goes")
    if args.kind == "zip" and not args.folder:
        parser.error("zip: expected --folder NAME")
    languages = [code.strip() for code in (args.languages or "").split(",") if code.strip()]
    interrupt_on_signals()
    try:
        if args.kind == "site":
            publish_folder(
                args.dest,
                lambda folder: run_build(command, folder),
                check=lambda folder: _checked(folder, args.dest, languages),
            )
        else:
            publish_zip(
                args.dest,
                lambda folder: run_build(command, folder),
                folder=args.folder,
                check=lambda folder: _checked(folder, args.dest, languages),
            )
    except PublishError as error:
        unchanged = "" if isinstance(error, (Busy, Interrupted)) else f"; {shown(args.dest)} is unchanged"
        print(f"error: {error}{unchanged}", file=sys.stderr)
        return error.exit_code
    return 0


def _checked(folder: Path, dest: Path, languages: Sequence[str]) -> None:
    try:
        check_site(folder, languages)
    except Incomplete as error:
        raise Incomplete(f"the new build of {shown(dest)} is incomplete: {error}") from None
