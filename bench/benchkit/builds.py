"""Timed builds of each edition, and one profiled build."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from benchkit.measure import RunResult, run_measured
from benchkit.projects import Project

_EDITION_VARIABLES = ("SITE_COUNTRY", "SITE_LANGUAGES", "OFFLINE")


class BuildFailed(RuntimeError):
    """A build the benchmark needs failed: there is nothing to measure."""


@dataclass
class Edition:
    """One thing to build: a project, with the languages it builds, and where its last build is."""

    name: str  # e.g. "site-11", "baseline-2"
    project: Project
    languages: list[str]
    output: Path
    env: dict[str, str] = field(default_factory=dict)
    runs: list[RunResult] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.project.kind

    @property
    def seconds(self) -> list[float]:
        return [run.seconds for run in self.runs]

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)


def build_environment(project: Project, extra: Mapping[str, str]) -> dict[str, str]:
    # The caller's shell must not choose the edition (or the offline copy) behind the benchmark's back.
    inherited = {key: value for key, value in os.environ.items() if key not in _EDITION_VARIABLES}
    return {
        **inherited,
        "NO_MKDOCS_2_WARNING": "1",
        **extra,
    }


def build_command(edition: Edition, *, profile_to: Path | None = None) -> list[str]:
    runner = ["-m", "cProfile", "-o", str(profile_to)] if profile_to else []
    # The real site is built as `make site` builds it; the baseline cannot be strict (no directory page).
    strict = ["--strict"] if edition.kind == "site" else []
    return [sys.executable, *runner, "-m", "mkdocs", "build", *strict, "--site-dir", str(edition.output)]


def build_once(edition: Edition) -> RunResult:
    """One build into a fresh folder; the folder of the last run stays for the page measurements."""
    shutil.rmtree(edition.output, ignore_errors=True)
    env = build_environment(edition.project, edition.env)
    result = run_measured(build_command(edition), cwd=edition.project.path, env=env)
    if not result.ok:
        raise BuildFailed(f"{edition.name}: mkdocs build failed ({result.returncode}):\n{result.output[-4000:]}")
    edition.runs.append(result)
    return result


def profile_build(edition: Edition, dest: Path) -> Path:
    """One extra build of the edition under cProfile; returns the stats file."""
    stats = dest / f"{edition.name}.prof"
    output = edition.output.with_name(edition.output.name + "-profiled")
    profiled = Edition(edition.name, edition.project, edition.languages, output, edition.env)
    env = build_environment(edition.project, edition.env)
    result = run_measured(build_command(profiled, profile_to=stats), cwd=edition.project.path, env=env)
    shutil.rmtree(output, ignore_errors=True)
    if not result.ok:
        raise BuildFailed(f"{edition.name} (profiled): build failed:\n{result.output[-4000:]}")
    return stats


def output_size(folder: Path) -> tuple[int, int]:
    """Number of files and total bytes of a built site."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)
