"""Counts and system errors worded for people: "1 new entry", "cannot read x.jsonl: no
such file". Shared by the CLI and the lines it prints from other stages (`poll --once`).

Python's own texts are for programmers: "[Errno 2] No such file or directory: 'x'" says
the same thing three times in a form nobody types. `os_problem` keeps the one part a
person needs, the reason, next to what was being done and to which file.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

__all__ = ["counted", "os_problem", "reason_of"]

_IRREGULAR = {"entry": "entries", "story": "stories", "country": "countries", "person": "people"}
_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "the file system is read-only",
    errno.EEXIST: "it already exists",
}


def counted(n: int, noun: str, many: str | None = None) -> str:
    """'1 feed', '2 feeds', '1 new entry', '3 stories': the noun agrees with the count.

    `noun` may carry adjectives ("new entry"); only its last word is made plural."""
    if n == 1:
        return f"{n:,} {noun}"
    if many is None:
        head, _, last = noun.rpartition(" ")
        plural = _IRREGULAR.get(last) or (last + "es" if last.endswith(("s", "x")) else last + "s")
        many = f"{head} {plural}" if head else plural
    return f"{n:,} {many}"


def reason_of(exc: OSError) -> str:
    """The reason of a system error in lower case, without "[Errno 2]" or the file name."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    text = exc.strerror or (os.strerror(exc.errno) if exc.errno else "") or str(exc)
    return text[:1].lower() + text[1:] if text else type(exc).__name__


def os_problem(exc: OSError, doing: str = "use", path: str | Path | None = None) -> str:
    """'cannot read in.jsonl: no such file or directory' for an OSError met on a file."""
    where = path if path is not None else exc.filename
    target = f" {where}" if where is not None else ""
    return f"cannot {doing}{target}: {reason_of(exc)}"
