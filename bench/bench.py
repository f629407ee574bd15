"""Benchmark the Sextortion Help Kit against plain Material for MkDocs with the same pages.

`make bench` runs it. It builds, in temporary folders, the real site and a baseline (the same
Markdown with Material and static-i18n only), at one, two and all configured languages and at a
synthetic larger number of languages; measures build time and memory, what a browser downloads on
a first visit, the size of every HTML page and Lighthouse mobile scores; checks the targets; and
writes bench/report.md and bench/report.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from benchkit import targets  # noqa: E402  (bench/ is not a package: its folder goes on the path first)
from benchkit.builds import BuildFailed, Edition, build_once, output_size, profile_build  # noqa: E402
from benchkit.lighthouse import lighthouse_version, run_lighthouse  # noqa: E402
from benchkit.profiling import Profile  # noqa: E402
from benchkit.projects import (  # noqa: E402
    Project,
    add_fake_languages,
    keep_languages,
    make_baseline,
    material_language_partials,
    snapshot,
)
from benchkit.report import render_markdown, summary_lines  # noqa: E402
from benchkit.weights import chromium, chromium_path, html_sizes, measure_pages, serve  # noqa: E402

# Page types: home, a step page, an audience page and the generated directory (site only), each in
# the default language, in French and in Arabic (right to left).
PAGE_TYPES = ("", "threatened/stop/", "parents/", "directory/")
LANGUAGE_FOLDERS = ("", "fr/", "ar/")
# Lighthouse takes ~15 s a page here: a sample that covers the templates and right-to-left.
LIGHTHOUSE_PAGES = ("", "threatened/stop/", "directory/", "ar/")

DESCRIPTION = __doc__
EPILOG = """\
Each build runs in a fresh process (`python -m mkdocs build`, the real site with --strict and
N times, interleaved site/baseline; the report gives the median wall
time and the peak RSS. Page weights come from Chromium (Playwright) loading each page from a local
http.server with an empty cache; bodies are gzipped at level 6 by the benchmark. Lighthouse runs
from bench/node (npm ci --prefix bench/node) against an http.server that gzips, as hosts do. The
exit status is 0 whatever the targets say; 1 only if the benchmark could not run (a build failed,
Chromium missing).

examples:
  bench/bench.py                   full run (about 13 minutes on 2 cores)
  bench/bench.py --quick           one run per build, 1/2/all languages only, no profile (3-4 minutes)
  bench/bench.py --languages-scale 0 --no-lighthouse   builds and page weights only
"""


@dataclass(frozen=True)
class Options:
    runs: int
    quick: bool
    lighthouse: bool
    baseline_lighthouse: bool
    lighthouse_runs: int
    lighthouse_gzip: bool
    scale: int
    profile: bool
    out: Path
    keep: bool
    render_only: Path | None


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="bench/bench.py",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--runs", type=int, metavar="N", help="timed builds of each edition (default 3; 1 with --quick)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run per build, no synthetic edition (unless --languages-scale is given), no profile, "
        "Lighthouse on the site only",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        metavar="N",
        help="Lighthouse runs per site page; the run with the median performance score is reported "
        "(default 3; 1 with --quick; the baseline's pages run once)",
    )
    parser.add_argument(
        "--lighthouse-uncompressed",
        action="store_true",
        help="serve Lighthouse's pages uncompressed, as plain http.server does (default: gzip, as hosts do)",
    )
    parser.add_argument(
        "--languages-scale",
        type=int,
        metavar="N",
        help="also build a synthetic N-language edition (copies of the French pages); 0 skips it "
        "(default 30; 0 with --quick)",
    )
    parser.add_argument(
        "--no-profile", action="store_true", help="skip the cProfile runs of the full site and baseline builds"
    )
    parser.add_argument("--out", type=Path, default=BENCH, help="folder for report.md and report.json (default bench/)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and builds, and say where")
    parser.add_argument(
        "--render-only",
        type=Path,
        metavar="REPORT_JSON",
        help="measure nothing: write report.md (in --out) again from an earlier report.json",
    )
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (1 if args.quick else 3)
    scale = args.languages_scale if args.languages_scale is not None else (0 if args.quick else 30)
    if runs < 1:
        parser.error("--runs must be 1 or more")
    return Options(
        runs=runs,
        quick=args.quick,
        lighthouse=not args.no_lighthouse,
        baseline_lighthouse=not args.quick,
        lighthouse_runs=max(1, args.lighthouse_runs or (1 if args.quick else 3)),
        lighthouse_gzip=not args.lighthouse_uncompressed,
        scale=scale,
        profile=not (args.no_profile or args.quick),
        out=args.out,
        keep=args.keep,
        render_only=args.render_only,
    )


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- the editions ---------------------------------------------------------------------------------


def prepare_editions(work: Path, options: Options) -> tuple[list[Edition], int]:
    """The site and the baseline at 1, 2 and all languages, and at the synthetic scale; and how
    many languages mkdocs.yml configures."""
    site = snapshot(ROOT, work / "projects" / "site")
    languages = list(site.languages)
    outputs = work / "builds"
    editions: list[Edition] = []
    # One language, the first two (en, fr) and all; fewer when mkdocs.yml has fewer.
    sets = {len(chosen): chosen for chosen in (languages[:1], languages[:2], languages)}
    for chosen in sets.values():
        editions.append(_site_edition(site, chosen, outputs, all_languages=chosen == languages))
        editions.append(_baseline_edition(site, chosen, work / "projects", outputs))
    # Plain Material without its search, at all languages: what the first visit is held to.
    plain = make_baseline(site, work / "projects" / f"plain-{len(languages)}", search=False)
    editions.append(Edition(f"plain-{len(languages)}", plain, languages, outputs / f"plain-{len(languages)}"))
    if options.scale > len(languages):
        editions.extend(_scale_editions(work, options.scale, outputs))
    return editions, len(languages)


def _site_edition(site: Project, languages: list[str], outputs: Path, *, all_languages: bool) -> Edition:
    name = f"site-{len(languages)}"
    # SITE_LANGUAGES is how a fork builds fewer languages; the full build sets nothing.
    env = {} if all_languages else {"SITE_LANGUAGES": ",".join(languages)}
    return Edition(name, site, languages, outputs / name, env)


def _baseline_edition(site: Project, languages: list[str], projects: Path, outputs: Path) -> Edition:
    name = f"baseline-{len(languages)}"
    baseline = make_baseline(site, projects / name)
    if languages != baseline.languages:
        keep_languages(baseline, languages)
    return Edition(name, baseline, languages, outputs / name)


def _scale_editions(work: Path, total: int, outputs: Path) -> list[Edition]:
    site = snapshot(ROOT, work / "projects" / f"site-{total}")
    add_fake_languages(site, total, material_language_partials())
    baseline = make_baseline(site, work / "projects" / f"baseline-{total}")
    return [
        Edition(f"site-{total}", site, site.languages, outputs / f"site-{total}"),
        Edition(f"baseline-{total}", baseline, baseline.languages, outputs / f"baseline-{total}"),
    ]


def run_builds(editions: list[Edition], runs: int) -> None:
    # Interleaved (every edition once, then again) so that a slow spell of the machine does not
    # fall on one edition only.
    for round_number in range(1, runs + 1):
        for edition in editions:
            result = build_once(edition)
            log(f"build {round_number}/{runs} {edition.name}: {result.seconds:.2f} s, {result.peak_rss_mb:.0f} MB")


def build_table(editions: list[Edition]) -> dict[str, dict[str, Any]]:
    table = {}
    for edition in editions:
        files, size = output_size(edition.output)
        table[edition.name] = {
            "kind": edition.kind,
            "languages": edition.languages,
            "language_count": len(edition.languages),
            "runs_s": [round(seconds, 3) for seconds in edition.seconds],
            "median_s": round(edition.median_seconds, 3),
            "peak_rss_mb": round(edition.peak_rss_mb, 1),
            "output_files": files,
            "output_bytes": size,
        }
    return table


def build_ratios(builds: dict[str, dict[str, Any]]) -> dict[str, float]:
    ratios = {}
    for name, build in builds.items():
        baseline = builds.get(name.replace("site-", "baseline-"))
        if build["kind"] == "site" and baseline:
            ratios[str(build["language_count"])] = round(build["median_s"] / baseline["median_s"], 3)
    return ratios


# --- measurements in the browser ------------------------------------------------------------------


def measure_weights(editions: list[Edition]) -> dict[str, dict[str, Any]]:
    paths = [folder + page for folder in LANGUAGE_FOLDERS for page in PAGE_TYPES]
    weights: dict[str, dict[str, Any]] = {}
    with chromium() as browser:
        for edition in editions:
            if len(edition.languages) < 2:
                continue  # the one-language builds are there for their build time
            measured = measure_pages(browser, edition.output, paths)
            weights[edition.name] = {path: weight.as_dict() for path, weight in measured.items()}
            log(f"page weights {edition.name}: {len(measured)} pages")
    return weights


def measure_lighthouse(edition: Edition, runs: int, compress: bool) -> list[dict[str, Any]]:
    results = []
    pages = [path for path in LIGHTHOUSE_PAGES if (edition.output / path / "index.html").is_file()]
    # Lighthouse simulates a slow 4G link from the bytes it receives: an uncompressed local server
    # would make every page look four times heavier than on any real host.
    with serve(edition.output, compress=compress) as base:
        for path in pages:
            result = median_run([run_lighthouse(BENCH, base + path, chromium_path()) for _ in range(runs)])
            result["path"] = path
            results.append(result)
            shown = result.get("error") or result.get("scores")
            log(f"lighthouse {edition.name} /{path}: {shown} (median of {runs})")
    return results


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median performance score, as Lighthouse's documentation advises (scores of
    different runs are not mixed); every run's scores are kept beside it."""
    good = [run for run in runs if "scores" in run and not run.get("error")]
    if not good:
        return runs[0]
    good.sort(key=lambda run: run["scores"]["performance"] or 0)
    chosen = dict(good[(len(good) - 1) // 2])
    chosen["all_runs"] = [run.get("scores") or run.get("error") for run in runs]
    return chosen


# --- the run --------------------------------------------------------------------------------------


def by_name(editions: list[Edition]) -> dict[str, Edition]:
    return {edition.name: edition for edition in editions}


def run(options: Options, work: Path) -> dict[str, Any]:
    started = time.time()
    about = meta(options)
    log(f"preparing projects in {work}")
    editions, full_languages = prepare_editions(work, options)
    site_full, base_full = f"site-{full_languages}", f"baseline-{full_languages}"
    named = by_name(editions)
    run_builds(editions, options.runs)
    results: dict[str, Any] = {"meta": about, "editions": build_table(editions)}
    results["build_ratios"] = build_ratios(results["editions"])
    results["full_languages"] = full_languages
    results["profile"] = _profile([named[site_full], named[base_full]], work, options)
    sizes = html_sizes(named[site_full].output)
    results["html_sizes"] = {"edition": site_full, "files": sizes}
    results["weights"] = measure_weights(editions)
    results["lighthouse"] = _lighthouse(named, site_full, base_full, options)
    results["targets"] = [target.as_dict() for target in check_targets(results, editions)]
    results["meta"]["duration_s"] = round(time.time() - started, 1)
    results["meta"]["load_average_at_end"] = [round(load, 2) for load in os.getloadavg()]
    return results


def _profile(editions: list[Edition], work: Path, options: Options) -> dict[str, Any]:
    """One cProfile build of the full site and of its baseline, to see where the difference goes."""
    if not options.profile:
        return {"skipped": True}
    profiles = {}
    for edition in editions:
        log(f"profiling one build of {edition.name} (cProfile)")
        stats = profile_build(edition, work)
        profiles[edition.name] = Profile(stats, edition.project.path / "hooks").summary()
    return {"site": editions[0].name, "baseline": editions[1].name, "editions": profiles}


def _lighthouse(named: dict[str, Edition], site: str, baseline: str, options: Options) -> dict[str, Any]:
    if not options.lighthouse:
        return {}
    results = {site: measure_lighthouse(named[site], options.lighthouse_runs, options.lighthouse_gzip)}
    # Plain Material's time to first render, beside ours, in every run.
    plain = site.replace("site-", "plain-")
    results[plain] = measure_lighthouse(named[plain], options.lighthouse_runs, options.lighthouse_gzip)
    if options.baseline_lighthouse:
        results[baseline] = measure_lighthouse(named[baseline], 1, options.lighthouse_gzip)
    return results


def check_targets(results: dict[str, Any], editions: list[Edition]) -> list[targets.Target]:
    full = results["full_languages"]
    builds, weights = results["editions"], results["weights"]
    checks: list[targets.Target] = [
        targets.weight_vs_baseline(weights, f"site-{full}", f"plain-{full}"),
        targets.repeat_visit(weights, f"site-{full}"),
        targets.weight_vs_baseline(weights, f"site-{full}", "baseline-2"),
        targets.weight_vs_baseline(weights, "site-2", "baseline-2"),
        targets.independent_of_languages(weights, "site-2", f"site-{full}"),
    ]
    scale = max(len(edition.languages) for edition in editions)
    if scale > full:
        checks.append(targets.independent_of_languages(weights, f"site-{full}", f"site-{scale}"))
    checks += [
        targets.html_size(results["html_sizes"]["files"], f"site-{full}"),
        targets.lighthouse(results["lighthouse"].get(f"site-{full}", [])),
        targets.build_ratio(builds, f"site-{full}", f"baseline-{full}"),
        targets.one_language(builds, "site-1"),
    ]
    return checks


def meta(options: Options) -> dict[str, Any]:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--", ".", ":!bench")),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        # Other work on the machine slows builds and Lighthouse's performance score alike.
        "load_average_at_start": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "packages": _versions("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "playwright"),
        "lighthouse": lighthouse_version(BENCH),
        "chromium": _command_output([chromium_path(), "--version"]),
        "node": _command_output(["node", "--version"]) if shutil.which("node") else "",
        "options": {
            "runs": options.runs,
            "quick": options.quick,
            "lighthouse": options.lighthouse,
            "lighthouse_runs": options.lighthouse_runs,
            "lighthouse_gzip": options.lighthouse_gzip,
            "languages_scale": options.scale,
        },
    }


def _versions(*names: str) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


def _git(*args: str) -> str:
    return _command_output(["git", "-C", str(ROOT), *args])


def _command_output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def write_reports(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "report.md").write_text(render_markdown(results), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if options.render_only:
        results = json.loads(options.render_only.read_text(encoding="utf-8"))
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "report.md").write_text(render_markdown(results), encoding="utf-8")
        print("\n".join(summary_lines(results)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        results = run(options, work)
    except (BuildFailed, FileNotFoundError, ValueError, ImportError, RuntimeError) as error:
        print(f"bench: could not run: {error}", file=sys.stderr)
        return 1
    finally:
        _clean(work, options.keep)
    write_reports(results, options.out)
    print("\n".join(summary_lines(results)))
    print(f"\nreport: {options.out / 'report.md'} and report.json")
    return 0


def _clean(work: Path, keep: bool) -> None:
    if keep:
        log(f"kept the projects and builds in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
