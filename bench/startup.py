"""How long `sovai` takes to start: each command run N times as a fresh process, as typed.

    .venv/bin/python bench/startup.py                  # 20 runs of each command, ~30 s
    .venv/bin/python bench/startup.py --runs 50 --importtime
    .venv/bin/python bench/startup.py -- sources list  # one command of your own

Every run is `python -m bot.cli ARGS` in a temporary folder holding `config/sovai.yaml` (one
feed, a SQLite database), migrated by a first run that is not timed (as an installed
bot's is). The checkout this file sits in comes first on the path, so a copy of it in an
older checkout measures that one. Bytecode is written and used (PYTHONDONTWRITEBYTECODE is
dropped from the children's environment), as it is for a pip-installed or built image:
without it every module is compiled from source on every start. `--importtime` adds, per
command, the imports that cost most (`python -X importtime`, cumulative, top level only).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the commands and the wall time each should start and finish within (issue 15)
COMMANDS: dict[str, float | None] = {
    "--version": 0.15,
    "--help": None,
    "sources list": 0.5,
    "subscriptions list": None,
    "config check": None,
}
CONFIG = """\
database: sqlite:///{folder}/sovai.db
feeds:
  - url: https://feeds.example/news.xml
    name: Example news
"""


def child_env() -> dict[str, str]:
    """The caller's environment, this checkout first on the path, bytecode cached, and no
    tokens or config of the person running it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    for name in ("PYTHONDONTWRITEBYTECODE", "SOVAI_CONFIG", "DATABASE_URL", "SOVAI_LOG_LEVEL"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    args: list[str], folder: Path, env: dict[str, str], *flags: str
) -> tuple[float, float, str]:
    """One run of `sovai ARGS`: its wall time, its CPU time (user + system: what other work
    on the machine inflates least) and its stderr; a failed run stops the bench."""
    cpu = _children_cpu()
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-m", "bot.cli", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"sovai {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return took, _children_cpu() - cpu, done.stderr


def costliest_imports(stderr: str, top: int) -> list[tuple[int, str]]:
    """The top-level imports of an `-X importtime` run by cumulative microseconds."""
    found = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        if not name.startswith("  "):  # one space before a top-level name, more when nested
            found.append((int(cumulative), name.strip()))
    return sorted(found, reverse=True)[:top]


def measure(words: str, runs: int, folder: Path, env: dict[str, str], top: int) -> None:
    args = words.split()
    run(args, folder, env)  # the first: migrates the database, writes the bytecode
    runs_made = [run(args, folder, env) for _ in range(runs)]
    times = sorted(wall for wall, _, _ in runs_made)
    cpu = statistics.median(cpu for _, cpu, _ in runs_made)
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10, method="inclusive")[8] if runs > 1 else times[0]
    goal = COMMANDS.get(words)  # met when 9 runs in 10 finish within it
    verdict = "" if goal is None else f"  goal < {goal:.2f} s: {'met' if p90 < goal else 'MISSED'}"
    print(
        f"{'sovai ' + words:<26} median {median:.3f} s  p90 {p90:.3f} s  "
        f"min {times[0]:.3f} s  CPU {cpu:.3f} s{verdict}"
    )
    if top:
        for micros, name in costliest_imports(run(args, folder, env, "-X", "importtime")[2], top):
            print(f"    {micros / 1000:7.1f} ms  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each command")
    parser.add_argument(
        "--importtime",
        nargs="?",
        type=int,
        const=8,
        default=0,
        metavar="N",
        help="also list each command's N costliest imports (default 8)",
    )
    parser.add_argument("command", nargs="*", help="a command of your own, after --")
    opts = parser.parse_args()
    env = child_env()
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.2f}, {opts.runs} runs each, checkout {ROOT}"
    )
    with tempfile.TemporaryDirectory(prefix="sovai-startup-") as tmp:
        folder = Path(tmp)
        (folder / "config").mkdir()
        config = folder / "config" / "sovai.yaml"  # where `sovai` looks by default
        config.write_text(CONFIG.format(folder=folder), encoding="utf-8")
        for words in [" ".join(opts.command)] if opts.command else list(COMMANDS):
            measure(words, max(1, opts.runs), folder, env, opts.importtime)


if __name__ == "__main__":
    main()
