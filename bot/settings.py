"""Settings: the YAML file for what the bot does, the environment for secrets.

Secrets never live in the YAML (a config file gets committed, pasted into issues and
baked into images); they come from environment variables or from `NAME_FILE` variables
pointing at a file, which is how Docker and Kubernetes hand secrets over.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.config_errors import SECRET_NAMES, describe_error, secret_hint
from bot.metrics_config import MetricsConfig

__all__ = [
    "DEFAULT_CONFIG",
    "WEEKDAYS",
    "Config",
    "ConfigError",
    "DigestConfig",
    "FeedConfig",
    "FetchConfig",
    "RetentionConfig",
    "Secrets",
    "Settings",
    "SubscriptionConfig",
    "check_weekday",
    "load_settings",
    "parse_weekday",
]

DEFAULT_CONFIG = Path("config/sovai.yaml")
DATABASE_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql+psycopg")  # what sovai installs
SUPPORTED_DATABASES = "sqlite:///PATH (the default) or postgresql+psycopg://USER@HOST/DB"
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_HTTP_URL = re.compile(r"^https?://[^/\s]+", re.IGNORECASE)
_ISO2 = re.compile(r"^[A-Z]{2}$")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ConfigError(Exception):
    """A configuration mistake, already worded for the person who made it."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check_http_url(value: str) -> str:
    """An http(s) URL with a host (the config file, `sources add` and `/ai-sources add`)."""
    if not _HTTP_URL.match(value) or len(value) > 2_048:
        raise ValueError("expected an http:// or https:// URL")
    return value


class FeedConfig(_Strict):
    url: str = Field(max_length=2_048)
    name: str | None = None
    interval: int = Field(default=60, ge=1, le=7 * 24 * 60, description="minutes")

    _url = field_validator("url")(check_http_url)


def check_timezone(value: str) -> str:
    """An IANA zone name (the config file and `/ai-subscribe … tz`)."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: 'Asia' is a folder
        raise ValueError(
            f"expected an IANA time zone such as UTC or Asia/Tokyo, got {value!r}"
        ) from None
    return value


def check_time(value: str) -> str:
    """A time of day, 8:30 or 08:30, as HH:MM (the config file and `/ai-subscribe … at`)."""
    match = _HHMM.match(value)
    if not match:
        raise ValueError(f"expected a time of day as HH:MM (24-hour), got {value!r}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_weekday(value: str) -> int | None:
    """0 for 'mon' or 'Monday' (any case) … 6 for 'sun'; None for anything else."""
    word = value.strip().casefold()
    for number, name in enumerate(WEEKDAYS):
        if word in (name.casefold(), name[:3].casefold()):
            return number
    return None


def check_weekday(value: str) -> str:
    """A day of the week as its three-letter name, 'mon' … 'sun' (the config file)."""
    number = parse_weekday(value)
    if number is None:
        raise ValueError("expected a day of the week, mon … sun or monday … sunday")
    return WEEKDAYS[number][:3].lower()


class DigestConfig(_Strict):
    time: str = "08:00"
    timezone: str = "UTC"
    max_stories: int = Field(default=8, ge=1, le=50)
    weekly_max_stories: int = Field(
        default=15,
        ge=1,
        le=50,
        description="stories in a weekly digest: a week holds more news worth a reader's time",
    )
    min_relevance: float = Field(default=0.5, ge=0.0, le=1.0)
    grace_hours: float = Field(
        default=12,
        ge=0,
        le=7 * 24,
        description="a digest missed while the bot or its database was down is still sent "
        "this many hours late; an older one is skipped (its stories go in the next digest)",
    )

    _time = field_validator("time")(check_time)
    _tz = field_validator("timezone")(check_timezone)


class SubscriptionConfig(_Strict):
    platform: Literal["slack", "discord", "terminal"]
    channel: str = Field(min_length=1)
    countries: tuple[str, ...] = ()
    time: str | None = None
    timezone: str | None = None
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_stories: int | None = Field(default=None, ge=1, le=50)
    min_relevance: float | None = Field(default=None, ge=0.0, le=1.0)
    announce_empty: bool = False
    cadence: Literal["daily", "weekly"] = "daily"
    weekday: str | None = Field(
        default=None, description="weekly digests: mon … sun (or the full name); Monday if unset"
    )
    webhook_url_env: str | None = Field(
        default=None,
        pattern=r"^[A-Z_][A-Z0-9_]*$",
        description="Discord: the environment variable holding this channel's webhook URL",
    )

    @field_validator("countries", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(str(v).strip() for v in value)
        return value

    @field_validator("countries")
    @classmethod
    def _iso(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        problems = [p for p in map(country_code_problem, value) if p]
        if problems:
            codes = "unknown country code" + ("s" if len(problems) > 1 else "")
            raise ValueError(f"{codes} {', '.join(problems)}")
        return tuple(v.upper() for v in value)

    @field_validator("time")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        return None if value is None else check_time(value)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)

    @field_validator("cadence", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("weekday", mode="before")
    @classmethod
    def _weekday(cls, value: Any, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):  # 1 is Monday to some and Tuesday to others
            raise ValueError("expected a day of the week such as mon or monday")
        if info.data.get("cadence") == "daily":  # absent: cadence itself was wrong
            raise ValueError("a weekday is for weekly digests: add `cadence: weekly`")
        return check_weekday(value)

    @property
    def weekday_number(self) -> int | None:
        """The weekly digest's day, 0 = Monday (the default); None for a daily digest."""
        if self.cadence != "weekly":
            return None
        return parse_weekday(self.weekday) if self.weekday is not None else 0


class FetchConfig(_Strict):
    timeout: float = Field(default=20.0, gt=0, le=300, description="seconds per fetch")
    max_bytes: int = Field(default=15 * 1024 * 1024, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    concurrency: int = Field(default=16, ge=1, le=256, description="requests at once")
    per_host: int = Field(default=2, ge=1, le=16, description="requests at once per host")
    min_interval: int = Field(default=15, ge=1, description="minutes between polls of a feed")
    max_delay_hours: float = Field(
        default=24, ge=1, le=24 * 7, description="cap on backoff and server-asked delays"
    )
    allow_private_networks: bool = False
    max_entries_per_poll: int = Field(
        default=500, ge=1, le=10_000, description="a feed's newest entries stored per poll"
    )


MIN_RETENTION_DAYS = 30  # the longest default window a command shows (/ai-country: 30 days)
MAX_RETENTION_DAYS = 100 * 365


class RetentionConfig(_Strict):
    """How long article text is kept; off (None: kept for ever) unless set, so an upgraded
    bot never loses data its owner did not choose to drop (see docs/operations.md)."""

    articles_days: int | None = Field(
        default=None,
        strict=True,
        description="days of article text kept; older text is pruned daily, the ledger stays",
    )

    @field_validator("articles_days")
    @classmethod
    def _days(cls, value: int | None) -> int | None:
        if value is not None and not MIN_RETENTION_DAYS <= value <= MAX_RETENTION_DAYS:
            raise ValueError(
                f"expected a number of days from {MIN_RETENTION_DAYS} (commands show up to a "
                f"month by default; 365 keeps every window they offer) to {MAX_RETENTION_DAYS}, "
                f"got {value}; leave `retention` out to keep every article"
            )
        return value


def country_code_problem(code: str) -> str | None:
    """Why `code` is not a country code the analyser files stories under, with the codes
    meant where they can be guessed ('uk' is GB); None for a known code."""
    from bot.analysis.country_lookup import country_name, resolve_country
    from bot.analysis.gazetteer import COUNTRIES

    if code.upper() in COUNTRIES and _ISO2.match(code.upper()):
        return None
    match = resolve_country(code[:100])
    codes = [match.code] if match.code else []
    codes += [c for name in match.suggestions if (c := resolve_country(name).code)]
    if not codes:
        return f"{code[:40]!r} (codes are ISO 3166 ones such as JP, KR or GB; EU for the EU)"
    meant = ", ".join(f"{c} for {country_name(c)}" for c in dict.fromkeys(codes))
    return f"{code[:40]!r} (did you mean {meant}?)"


def _check_database_url(value: str) -> str:
    """A URL of a database sovai can open: SQLite, or PostgreSQL through psycopg 3."""
    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError(f"expected a database URL: {SUPPORTED_DATABASES}") from None
    if url.drivername not in DATABASE_DRIVERS:
        hint = ""
        if url.get_backend_name() == "postgresql":
            hint = " (sovai talks to PostgreSQL through psycopg 3: write postgresql+psycopg://)"
        raise ValueError(
            f"{url.drivername}:// databases are not supported{hint}; "
            f"supported: {SUPPORTED_DATABASES}"
        )
    return value


def _database_in_file(value: str) -> str:
    """The file's database URL: a password in it is a secret in the file, refused."""
    if _check_database_url(value) and make_url(value).password:
        raise ValueError(
            f"the URL holds a password: {secret_hint(('database', 'password'))} "
            "(or put the whole URL in DATABASE_URL)"
        )
    return value


class SlackConfig(_Strict):
    """How the Slack app listens: Socket Mode (no public URL) or HTTP on `port`."""

    mode: Literal["socket", "http"] = "socket"
    port: int = Field(default=3000, ge=1, le=65535, description="HTTP mode only")
    admins: tuple[str, ...] = Field(default=(), description="user IDs allowed admin commands")

    @field_validator("admins")
    @classmethod
    def _user_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in value if not re.match(r"^[UW][A-Z0-9]{2,}$", v)]
        if bad:
            raise ValueError(f"expected Slack user IDs such as U012AB3CD, got {bad}")
        return value


class Config(_Strict):
    database: str = "sqlite:///data/sovai.db"
    feeds: tuple[FeedConfig, ...] = ()
    digest: DigestConfig = DigestConfig()
    subscriptions: tuple[SubscriptionConfig, ...] = ()
    fetch: FetchConfig = FetchConfig()
    slack: SlackConfig = SlackConfig()
    metrics: MetricsConfig | None = None  # the health and metrics listener (bot/health_server.py)
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for log shippers
    retention: RetentionConfig = RetentionConfig()  # off unless set (bot/retention.py)

    _database = field_validator("database")(_database_in_file)


@dataclass(frozen=True)
class Secrets:
    """Tokens from the environment; `SecretStr` keeps them out of `repr` and logs."""

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    discord_bot_token: SecretStr | None = None
    database_url: SecretStr | None = None
    database_password: SecretStr | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Secrets:
        values = {name.lower(): _secret(name, environ) for name in SECRET_NAMES}
        url = values["database_url"]
        if url is not None:
            try:
                _check_database_url(url.get_secret_value())
            except ValueError as exc:
                raise ConfigError(f"DATABASE_URL: {exc}") from None
        return cls(**values)

    def values(self) -> list[str]:
        """Every secret's plain value, for the log redactor."""
        out = []
        for name in SECRET_NAMES:
            secret = getattr(self, name.lower())
            if secret is not None and secret.get_secret_value():
                out.append(secret.get_secret_value())
        if self.database_url is not None:
            password = make_url(self.database_url.get_secret_value()).password
            if password:
                out.append(str(password))
        return out


def _secret(name: str, environ: Mapping[str, str]) -> SecretStr | None:
    value = environ.get(name)
    file_name = environ.get(f"{name}_FILE")
    if not value and file_name:
        try:
            value = Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(
                f"{name}_FILE={file_name}: cannot read the file ({exc.strerror})"
            ) from None
    return SecretStr(value) if value else None


@dataclass(frozen=True)
class Settings:
    """Everything the bot runs with: the validated file plus secrets."""

    config: Config
    secrets: Secrets
    path: Path

    @property
    def database_url(self) -> str:
        """The database URL, `DATABASE_URL` winning over the file; may hold a password."""
        url = self.secrets.database_url
        raw = url.get_secret_value() if url is not None else self.config.database
        password = self.secrets.database_password
        if password is not None:
            parsed = make_url(raw)
            if parsed.password is None:
                raw = parsed.set(password=password.get_secret_value()).render_as_string(
                    hide_password=False
                )
        return raw

    @property
    def database_display(self) -> str:
        return make_url(self.database_url).render_as_string(hide_password=True)

    def secret_values(self) -> list[str]:
        """Every secret's value, webhook URLs named in the config included (for the redactor)."""
        values = self.secrets.values()
        for sub in self.config.subscriptions:
            if sub.webhook_url_env and (url := self.secret_for(sub.webhook_url_env)):
                values.append(url.get_secret_value())
        return values

    def secret_for(self, env_name: str) -> SecretStr | None:
        """A secret named in the config (such as a webhook URL's variable)."""
        return _secret(env_name, os.environ)


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the config file; raise ConfigError with file and line on a mistake."""
    env = os.environ if environ is None else environ
    chosen = path or Path(env.get("SOVAI_CONFIG") or DEFAULT_CONFIG)
    try:
        source = chosen.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{chosen}: cannot read the config file ({exc.strerror})") from None
    try:
        data = yaml.safe_load(source)
        root = yaml.compose(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{chosen}:{mark.line + 1}" if mark is not None else str(chosen)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{where}: not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{chosen}:1: expected a mapping of settings (database, feeds, ...)")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        messages = (describe_error(chosen, root, err, Config) for err in exc.errors())
        raise ConfigError("\n".join(messages)) from None
    return Settings(
        config=_with_metrics_env(config, env), secrets=Secrets.from_env(env), path=chosen
    )


def _with_metrics_env(config: Config, env: Mapping[str, str]) -> Config:
    """`SOVAI_METRICS_PORT` turns the health and metrics listener on where the config
    file does not (the compose file sets it; the same config file serves `make run`)."""
    raw = env.get("SOVAI_METRICS_PORT", "").strip()
    if not raw or config.metrics is not None:
        return config
    if not raw.isascii() or not raw.isdigit() or int(raw) > 65535:
        raise ConfigError(f"SOVAI_METRICS_PORT: expected a port number 0-65535, got {raw[:20]!r}")
    return config.model_copy(update={"metrics": MetricsConfig(port=int(raw))})
