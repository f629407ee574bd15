"""Run one command in a fresh child process and measure its wall-clock time and peak memory."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunResult:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_measured(command: Sequence[str], *, cwd: Path, env: Mapping[str, str], timeout: float = 900) -> RunResult:
    """Wall clock and max RSS of this one child (and the grandchildren it waited for).

    os.wait4 returns the rusage of exactly the child it reaps, so runs do not blur into each other
    the way the process-wide maximum of getrusage(RUSAGE_CHILDREN) would.
    """
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=dict(env), stdout=log, stderr=subprocess.STDOUT)
        status, usage = _wait(process, timeout)
        seconds = time.perf_counter() - start
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    # ru_maxrss is in kibibytes on Linux.
    return RunResult(seconds, usage.ru_maxrss / 1024, status, output)


def _wait(process: subprocess.Popen[bytes], timeout: float) -> tuple[int, os.struct_rusage]:
    # A blocking wait4 times the build to the millisecond; the timer only guards against a hang.
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # reaped here: Popen must not wait for it again
    return code, usage
