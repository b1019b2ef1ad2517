"""The lock files the image installs from: in step with pyproject.toml, checked offline.

`make lock` is run for real with uv, against a folder of tiny wheels made here instead of
the package index (`UV_OFFLINE`, `UV_FIND_LINKS`), so these tests need no network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tools.lock import BUILD_LOCK, OUT_OF_STEP, RUNTIME_LOCK, check_locks, compile_locks

ROOT = Path(__file__).parents[2]
HASH = "--hash=sha256:" + "ab" * 32

PYPROJECT = """\
[project]
name = "demo-app"
version = "1.0"
requires-python = ">=3.11"
dependencies = [
    "alpha>=1,<2",
    "Beta_Pkg[fast]>=0.5",
]

[build-system]
requires = ["setuptools>=69"]
"""
RUNTIME = f"""\
# Exact versions with hashes for the image (pip install --require-hashes).
#   requires-python: >=3.11
#   input: alpha>=1,<2
#   input: Beta_Pkg[fast]>=0.5
alpha==1.4.0 \\
    {HASH}
beta-pkg==0.9 \\
    {HASH} \\
    {HASH}
    # via demo-app (pyproject.toml)
"""
BUILD = f"""\
#   requires-python: >=3.11
#   input: setuptools>=69
#   input: pip
pip==26.0 \\
    {HASH}
setuptools==80.1 \\
    {HASH}
"""


def project(tmp_path: Path, pyproject: str = PYPROJECT, runtime: str = RUNTIME) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / RUNTIME_LOCK).write_text(runtime, encoding="utf-8")
    (tmp_path / BUILD_LOCK).write_text(BUILD, encoding="utf-8")
    return tmp_path


def test_the_projects_own_locks_are_in_step_with_its_pyproject() -> None:
    assert check_locks(ROOT) == []


def test_locks_that_match_their_inputs_pass(tmp_path: Path) -> None:
    assert check_locks(project(tmp_path)) == []


def test_a_dependency_added_without_relocking_is_named(tmp_path: Path) -> None:
    added = PYPROJECT.replace('    "alpha>=1,<2",\n', '    "alpha>=1,<2",\n    "gamma>=2",\n')
    problems = check_locks(project(tmp_path, added))
    assert problems == [
        f"pyproject.toml changed since {RUNTIME_LOCK} was written (added gamma>=2)",
        f"{RUNTIME_LOCK} does not pin gamma, which pyproject.toml asks for",
    ]


def test_a_removed_or_reranged_dependency_is_named(tmp_path: Path) -> None:
    changed = PYPROJECT.replace('    "alpha>=1,<2",\n', '    "alpha>=2",\n').replace(
        '    "Beta_Pkg[fast]>=0.5",\n', ""
    )
    problems = check_locks(project(tmp_path, changed))
    assert problems == [
        f"pyproject.toml changed since {RUNTIME_LOCK} was written "
        "(added alpha>=2; removed alpha>=1,<2, Beta_Pkg[fast]>=0.5)",
        f"{RUNTIME_LOCK} pins alpha==1.4.0, outside pyproject.toml's alpha>=2",
    ]


def test_a_new_python_floor_a_pin_without_hash_and_a_hand_edit_are_problems(
    tmp_path: Path,
) -> None:
    unhashed = RUNTIME.replace(f"alpha==1.4.0 \\\n    {HASH}\n", "alpha==1.4.0\n")
    newer = PYPROJECT.replace('">=3.11"', '">=3.12"')
    problems = check_locks(project(tmp_path, newer, unhashed))
    assert (
        f"pyproject.toml changed since {RUNTIME_LOCK} was written (requires-python is now >=3.12)"
        in problems
    )
    assert f"{RUNTIME_LOCK}: alpha==1.4.0 has no hash" in problems
    (tmp_path / BUILD_LOCK).write_text("setuptools==80.1\n", encoding="utf-8")
    assert f"{BUILD_LOCK} has no header of inputs (it was not written by `make lock`)" in (
        check_locks(tmp_path)
    )
    (tmp_path / BUILD_LOCK).unlink()
    assert f"{BUILD_LOCK} is missing" in check_locks(tmp_path)


def lock_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.lock", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_check_as_make_test_runs_it_says_what_to_do(tmp_path: Path) -> None:
    assert lock_cli("check", cwd=project(tmp_path)).returncode == 0
    added = PYPROJECT.replace('    "alpha>=1,<2",\n', '    "alpha>=1,<2",\n    "gamma>=2",\n')
    project(tmp_path, added)
    result = lock_cli("check", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"lock: pyproject.toml changed since {RUNTIME_LOCK} was written (added gamma>=2)"
    )
    assert lines[-1] == f"lock: {OUT_OF_STEP}"
    assert "make lock" in lines[-1]


def wheel(folder: Path, name: str, version: str, requires: tuple[str, ...] = ()) -> None:
    """A minimal pure-Python wheel: metadata only, enough for a resolver and pip."""
    dist = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {
        f"{dist}/METADATA": metadata,
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(
        f"{path},sha256={hashlib.sha256(text.encode()).hexdigest()},{len(text)}\n"
        for path, text in files.items()
    )
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
        zf.writestr(f"{dist}/RECORD", record + f"{dist}/RECORD,,\n")


@pytest.fixture
def local_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("uv") is None and not (Path(sys.executable).parent / "uv").exists():
        pytest.skip("uv is not installed (it comes with the dev extras)")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for name, version, requires in [
        ("alpha", "1.0", ("delta>=3",)),
        ("delta", "3.1", ()),
        ("beta_pkg", "0.9", ()),
        ("setuptools", "80.1", ()),
        ("pip", "26.0", ()),
    ]:
        wheel(wheels, name, version, requires)
    monkeypatch.setenv("UV_OFFLINE", "1")  # no index: only the wheels here
    monkeypatch.setenv("UV_FIND_LINKS", str(wheels))
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    return wheels


def test_make_lock_writes_hashed_pins_that_pass_the_check_and_keeps_them_on_relock(
    tmp_path: Path, local_index: Path
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    compile_locks(app)
    assert check_locks(app) == []
    runtime = (app / RUNTIME_LOCK).read_text(encoding="utf-8")
    alpha_hash = hashlib.sha256((local_index / "alpha-1.0-py3-none-any.whl").read_bytes())
    assert f"alpha==1.0 \\\n    --hash=sha256:{alpha_hash.hexdigest()}" in runtime
    assert "delta==3.1" in runtime  # what the dependencies depend on is pinned too
    assert "pip==26.0" in (app / BUILD_LOCK).read_text(encoding="utf-8")

    # a newer alpha appears: `make lock` keeps the pin, `make lock-upgrade` moves it
    wheel(local_index, "alpha", "1.1", ("delta>=3",))
    compile_locks(app)
    assert "alpha==1.0 " in (app / RUNTIME_LOCK).read_text(encoding="utf-8")
    compile_locks(app, upgrade=True)
    assert "alpha==1.1 " in (app / RUNTIME_LOCK).read_text(encoding="utf-8")
    assert check_locks(app) == []
