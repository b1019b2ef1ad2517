"""The lock files: exact versions, with hashes, of everything the image installs.

`requirements.lock` pins the runtime dependencies of pyproject.toml; `requirements-build.lock`
pins what builds the package (`[build-system] requires`) and the pip that installs it. The
Dockerfile installs only from them, with `pip --require-hashes`, so two builds of one commit
get the same bytes, and a tampered or re-uploaded file on the index stops the build.

    python -m tools.lock compile [--upgrade]   # `make lock`: needs uv and the package index
    python -m tools.lock check                 # `make test`: offline, a few milliseconds

Each lock's header records the pyproject.toml inputs it was compiled from. `check` compares
them with pyproject.toml as it is now, so a dependency added, removed or re-ranged without
`make lock` fails the tests with a sentence saying so, without asking any index. It also
confirms that every direct dependency is pinned inside its range, and every pin hashed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

__all__ = [
    "BUILD_LOCK",
    "RUNTIME_LOCK",
    "Lock",
    "check_locks",
    "compile_locks",
    "lock_inputs",
    "main",
    "parse_lock",
]

RUNTIME_LOCK = "requirements.lock"
BUILD_LOCK = "requirements-build.lock"
INSTALLER = "pip"  # pinned with the build tools: the pip that checks the hashes
OUT_OF_STEP = "the locks are out of step with pyproject.toml: run `make lock` and commit them"
_INPUT = "#   input: "
_PYTHON = "#   requires-python: "
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
_HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


@dataclass(frozen=True)
class Pin:
    """One `name==version` entry of a lock and how many hashes vouch for it."""

    name: str
    version: str
    hashes: int


@dataclass(frozen=True)
class Lock:
    """A lock file read back: the inputs its header records, and its pins."""

    requires_python: str | None
    inputs: tuple[str, ...]
    pins: tuple[Pin, ...]


def lock_inputs(pyproject: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """What each lock is compiled from, as written in pyproject.toml (order kept)."""
    project = pyproject.get("project", {})
    build = pyproject.get("build-system", {})
    return {
        RUNTIME_LOCK: tuple(project.get("dependencies", ())),
        BUILD_LOCK: (*build.get("requires", ()), INSTALLER),
    }


def requires_python(pyproject: Mapping[str, Any]) -> str:
    return str(pyproject.get("project", {}).get("requires-python", ""))


def _header(python: str, inputs: Sequence[str]) -> str:
    lines = [
        "# Exact versions with hashes for the image (pip install --require-hashes).",
        "# Written by `make lock` from pyproject.toml: do not edit by hand. `make test`",
        "# fails when these inputs no longer match pyproject.toml.",
        f"{_PYTHON}{python}",
        *(f"{_INPUT}{line}" for line in inputs),
    ]
    return "\n".join(lines) + "\n"


def parse_lock(text: str) -> Lock:
    """The header's inputs and the pins (with their hash counts) of a lock file's text."""
    python: str | None = None
    inputs: list[str] = []
    pins: list[Pin] = []
    for line in text.splitlines():
        if line.startswith(_INPUT):
            inputs.append(line[len(_INPUT) :].strip())
        elif line.startswith(_PYTHON):
            python = line[len(_PYTHON) :].strip()
        elif match := _PIN.match(line):
            pins.append(Pin(canonicalize_name(match.group(1)), match.group(2), 0))
        elif pins and (hashes := len(_HASH.findall(line))):
            last = pins[-1]
            pins[-1] = Pin(last.name, last.version, last.hashes + hashes)
    return Lock(python, tuple(inputs), tuple(pins))


def _changes(recorded: Sequence[str], wanted: Sequence[str]) -> str:
    added = [w for w in wanted if w not in recorded]
    removed = [r for r in recorded if r not in wanted]
    parts = [f"added {', '.join(added)}"] if added else []
    parts += [f"removed {', '.join(removed)}"] if removed else []
    return "; ".join(parts)


def _pin_problems(name: str, lock: Lock, wanted: Sequence[str]) -> list[str]:
    problems = [f"{name}: {p.name}=={p.version} has no hash" for p in lock.pins if not p.hashes]
    pinned: dict[str, list[str]] = {}
    for pin in lock.pins:
        pinned.setdefault(pin.name, []).append(pin.version)
    for line in wanted:
        try:
            req = Requirement(line)
        except InvalidRequirement as exc:
            problems.append(f"pyproject.toml: {line!r} is not a requirement ({exc})")
            continue
        versions = pinned.get(canonicalize_name(req.name), [])
        if not versions:
            problems.append(f"{name} does not pin {req.name}, which pyproject.toml asks for")
        elif not any(req.specifier.contains(v, prereleases=True) for v in versions):
            problems.append(
                f"{name} pins {req.name}=={' or '.join(versions)}, outside pyproject.toml's {line}"
            )
    return problems


def check_locks(root: Path) -> list[str]:
    """Every way the locks under `root` disagree with its pyproject.toml, as sentences."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    python = requires_python(pyproject)
    problems: list[str] = []
    for name, wanted in lock_inputs(pyproject).items():
        path = root / name
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        lock = parse_lock(path.read_text(encoding="utf-8"))
        if lock.requires_python is None:
            problems.append(f"{name} has no header of inputs (it was not written by `make lock`)")
            continue
        changed = _changes(lock.inputs, wanted)
        if lock.requires_python != python:
            changed = "; ".join(filter(None, [changed, f"requires-python is now {python}"]))
        if changed:
            problems.append(f"pyproject.toml changed since {name} was written ({changed})")
        problems += _pin_problems(name, lock, wanted)
    return problems


def _oldest_python(spec: str) -> str:
    """The lowest Python a `requires-python` allows, which uv resolves for."""
    match = re.search(r">=\s*(\d+\.\d+)", spec)
    if match is None:
        raise SystemExit(f"requires-python {spec!r}: expected a lower bound such as >=3.11")
    return match.group(1)


def _uv() -> str:
    found = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(found).exists():
        raise SystemExit("uv is not installed: pip install 'uv>=0.5,<1' (or `make` the venv)")
    return found


def compile_locks(root: Path, *, upgrade: bool = False) -> None:
    """Write both locks with uv; existing pins are kept unless `upgrade` (like pip-compile)."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    python = requires_python(pyproject)
    sources = {RUNTIME_LOCK: "pyproject.toml", BUILD_LOCK: "-"}
    for name, inputs in lock_inputs(pyproject).items():
        command = [
            _uv(), "pip", "compile", sources[name], "--output-file", name, "--quiet",
            "--universal", "--python-version", _oldest_python(python),
            "--generate-hashes", "--no-header",
        ]  # fmt: skip
        if upgrade:
            command.append("--upgrade")
        stdin = "\n".join(inputs) + "\n" if sources[name] == "-" else None
        subprocess.run(command, cwd=root, input=stdin, text=True, check=True, timeout=600)
        path = root / name
        body = path.read_text(encoding="utf-8")
        path.write_text(_header(python, inputs) + body, encoding="utf-8")
        print(f"{name}: {len(parse_lock(body).pins)} packages pinned with hashes")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.lock", description=__doc__.split(".")[0])
    parser.add_argument("action", choices=["compile", "check"])
    parser.add_argument("--upgrade", action="store_true", help="compile: newest versions allowed")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: .)")
    args = parser.parse_args(argv)
    if args.action == "compile":
        compile_locks(args.root, upgrade=args.upgrade)
        return 0
    problems = check_locks(args.root)
    for problem in problems:
        print(f"lock: {problem}", file=sys.stderr)
    if problems:
        print(f"lock: {OUT_OF_STEP}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
