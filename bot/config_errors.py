"""Configuration mistakes worded for people: the file, the line, the key, what was expected.

Pydantic reports a location inside the data; the YAML node tree knows where that data
was written, so each error points at the line to fix. Pydantic's own sentences ("Input
should be a valid tuple") name Python types a YAML author never wrote; each kind of
mistake is said here in the file's terms instead, with an example where one helps.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

__all__ = ["SECRET_NAMES", "describe_error", "secret_hint"]

SECRET_NAMES = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "DISCORD_BOT_TOKEN",
    "DATABASE_URL",
    "DATABASE_PASSWORD",
)
_SECRET_KEY = re.compile(r"(token|secret|password|passwd|webhook_url|api_key)$", re.IGNORECASE)
_QUIET = ("database",)  # keys whose value is never repeated: a URL may hold a password
_LISTS = {
    "countries": "[JP, KR]",
    "admins": "[U012AB3CD]",
    "keywords": "[GPU, supercomputer]",
    "exclude": "[crypto]",
    "feeds": "a list of feeds, each `- url: https://…`",
    "subscriptions": "a list of channels, each `- {platform: slack, channel: C0123ABC}`",
}
_TEXTS = {
    "database": "expected a database URL such as sqlite:///data/sovai.db",
    "time": 'expected a time of day in quotes, such as "08:30"',
    "timezone": "expected an IANA time zone such as UTC or Asia/Tokyo",
    "url": "expected an http:// or https:// URL",
    "channel": 'expected the channel\'s ID in quotes, such as "C0123ABC"',
}
_SIMPLE = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "missing": "this key is required",
    "string_too_short": "must not be empty",
    "string_too_long": "expected at most {max_length} characters",
    "greater_than_equal": "expected {ge} or more",
    "less_than_equal": "expected {le} or less",
    "greater_than": "expected more than {gt}",
    "less_than": "expected less than {lt}",
    "string_pattern_mismatch": "expected an environment variable's name such as "
    "NEWS_WEBHOOK_URL (capital letters, digits and _)",
}


def describe_error(
    path: Path, root: yaml.Node | None, err: Mapping[str, Any], model: type[BaseModel]
) -> str:
    """'file:line: key: what was expected (got …)' for one validation error; a secret
    written in the file (even inside a mapping where a plain value belongs) is named
    with the environment variable it belongs in."""
    loc = tuple(err["loc"])
    got = err.get("input")
    secrets = list(_secret_keys(loc, got)) if isinstance(got, dict) else []
    if err["type"] == "extra_forbidden" and _SECRET_KEY.search(str(loc[-1]) if loc else ""):
        secrets = [loc]
    lines = [f"{_where(path, root, key)}: {_dotted(key)}: {secret_hint(key)}" for key in secrets]
    if err["type"] == "extra_forbidden":
        if not secrets:
            lines.append(f"{_where(path, root, loc)}: {_dotted(loc)}: {_unknown(loc, model)}")
        return "\n".join(lines)
    raw = _scalar_at(root, loc)
    message = (err["type"] == "string_type" and _unquoted(loc, got, raw)) or _message(err, loc)
    if not _repeats(message, got) and not (loc and loc[0] in _QUIET):
        number = isinstance(got, int | float) and not isinstance(got, bool)
        message += _shown(got) if raw is None or not number else f" (got {raw[:80]})"
    lines.append(f"{_where(path, root, loc)}: {_dotted(loc)}: {message}")
    return "\n".join(lines)


def secret_hint(loc: tuple[Any, ...]) -> str:
    """Where the secret at `loc` goes instead: the environment variable sovai reads it from
    (`slack.bot_token` is SLACK_BOT_TOKEN, `discord.bot_token` is DISCORD_BOT_TOKEN)."""
    key = str(loc[-1]).lower()
    section = next((str(p).lower() for p in reversed(loc[:-1]) if isinstance(p, str)), "")
    refused = "secrets are not read from the config file"
    if section == "subscriptions" and "webhook" in key:
        return (
            f"{refused}; put the URL in an environment variable and name that variable "
            "here: `webhook_url_env: NEWS_WEBHOOK_URL`"
        )
    aliases = (key, f"{section}_{key}", f"{section}_bot_{key}")
    names = [a.upper() for a in aliases if a.upper() in SECRET_NAMES][:1]
    names = names or [n for n in SECRET_NAMES if n.endswith(f"_{key.upper()}")]
    if not names:
        return f"{refused}; sovai reads its secrets from {', '.join(SECRET_NAMES)}"
    either = " or ".join(f"{n} (or {n}_FILE)" for n in names)
    return f"{refused}; set the environment variable {either} instead"


def _secret_keys(loc: tuple[Any, ...], value: dict[Any, Any]) -> Iterator[tuple[Any, ...]]:
    """Every secret-like key inside a mapping, at any depth, as a location."""
    for key, inner in value.items():
        here = (*loc, str(key))
        if _SECRET_KEY.search(str(key)):
            yield here
        elif isinstance(inner, dict):
            yield from _secret_keys(here, inner)


def _unquoted(loc: tuple[Any, ...], got: Any, raw: str | None) -> str | None:
    """Text YAML read as a number: `time: 9:30` is 570 (base 60), `channel: 998877` an int."""
    if isinstance(got, bool) or not isinstance(got, int | float) or raw is None or not loc:
        return None
    field = str(loc[-1])
    if field == "time" and ":" not in raw:
        return None  # `time: 930` was no time to begin with
    noun = {"time": "the time", "channel": "the channel ID"}.get(field, "it")
    read = f" (unquoted, YAML reads {raw} as the number {got})" if raw != str(got) else ""
    return f'quote {noun}: "{raw}"{read}'


def _message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    kind = str(err["type"])
    ctx = {k: _number(v) for k, v in (err.get("ctx") or {}).items()}
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    if kind in ("tuple_type", "list_type"):
        example = _LISTS.get(field, "")
        if example.startswith("a "):
            return f"expected {example}"
        return f"expected a list such as {example}" if example else "expected a list"
    if kind == "string_type" and field in _TEXTS:
        return _TEXTS[field]
    if kind == "literal_error":
        return "expected " + str(ctx.get("expected", "")).replace("'", "")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if field == "feeds":
            return "expected a feed as `- url: https://…` (name and interval optional)"
        return "expected a mapping of settings (key: value)"
    if kind in _SIMPLE:
        return _SIMPLE[kind].format(**ctx)
    return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _number(value: Any) -> Any:
    """0.0 as 0: a limit written as a whole number reads as one."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _repeats(message: str, got: Any) -> bool:
    """Whether the message already shows the value ("got 'Asia/Tokio'"), or there is none."""
    if got is None or isinstance(got, dict | list | tuple):
        return True
    return repr(got) in message or (not isinstance(got, str) and str(got) in message)


def _shown(got: Any) -> str:
    if got is None or isinstance(got, dict | list | tuple):
        return ""
    if isinstance(got, bool):
        return f" (got {str(got).lower()})"
    text = repr(got) if isinstance(got, str) else str(got)
    return f" (got {text[:80]}{'…' if len(text) > 80 else ''})"


def _unknown(loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    allowed = _allowed(loc, model)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown key (expected one of: {', '.join(allowed)}){hint}"


def _where(path: Path, root: yaml.Node | None, loc: tuple[Any, ...]) -> str:
    line = _line_of(root, loc)
    return f"{path}:{line}" if line else str(path)


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _allowed(loc: tuple[Any, ...], model: type[BaseModel]) -> list[str]:
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    return list(model.model_fields)


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the YAML node at `loc`, or of its nearest existing parent."""
    return _walk(node, loc)[1]


def _scalar_at(node: yaml.Node | None, loc: tuple[Any, ...]) -> str | None:
    """The text written at `loc` when it is a plain scalar (`9:30`, before YAML read it)."""
    found, _ = _walk(node, loc)
    return found.value if isinstance(found, yaml.ScalarNode) else None


def _walk(node: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[yaml.Node | None, int | None]:
    """The node at `loc` (None when it is not in the file) and the line nearest to it."""
    if node is None:
        return None, None
    best = node.start_mark.line + 1
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(part):
                    child = value_node
                    best = key_node.start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
            best = child.start_mark.line + 1
        if child is None:
            return None, best
        node = child
    return node, best
