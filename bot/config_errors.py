"""Configuration mistakes worded for people: the file, the line, the key, what was expected.

Pydantic reports a location inside the data; the YAML node tree knows where that data
was written, so each error points at the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

__all__ = ["describe_error"]

_SECRET_KEY = re.compile(r"(token|secret|password|webhook_url)$", re.IGNORECASE)


def describe_error(
    path: Path, root: yaml.Node | None, err: Mapping[str, Any], model: type[BaseModel]
) -> str:
    """'file:line: key: what was expected (got …)' for one validation error."""
    loc = tuple(err["loc"])
    key = _dotted(loc)
    line = _line_of(root, loc)
    where = f"{path}:{line}" if line else str(path)
    last = str(loc[-1]) if loc else ""
    if err["type"] == "extra_forbidden":
        if _SECRET_KEY.search(last):
            env_name = last.upper()
            return (
                f"{where}: {key}: secrets are not read from the config file; "
                f"set the environment variable {env_name} (or {env_name}_FILE) instead"
            )
        return f"{where}: {key}: unknown key (expected one of: {_allowed(loc, model)})"
    got = err.get("input")
    shown = "" if isinstance(got, dict | list) or got is None else f" (got {got!r})"
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {key}: {message}{shown}"


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _allowed(loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    return ", ".join(model.model_fields)


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the YAML node at `loc`, or of its nearest existing parent."""
    if node is None:
        return None
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
            return best
        node = child
    return best
