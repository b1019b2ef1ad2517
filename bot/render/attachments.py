"""Files posted with a reply, made safe and fitted to a platform's limits (pure, no I/O).

A file name comes from whoever built the reply (a chart named after a country, an export
named after a query), so it is treated like feed text: Slack shows it as the file's name
and Discord needs it as a reference (`attachment://NAME`) that only matches names of
ASCII letters, digits, `.`, `_` and `-`. So every platform gets the same name from one
rule: the last path component, only those characters, no leading dot (a hidden file
when downloaded), the extension the MIME type implies (a "chart.exe" that is a PNG is
downloaded as "chart.exe.png"), at most `NAME_MAX` characters, unique within the reply.

What does not fit a platform's limits is left out and said so in one sentence
(`not_attached`), never an exception: the text reply always goes out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.models import Attachment

__all__ = [
    "NAME_MAX",
    "Fitted",
    "attachment_noun",
    "fit_files",
    "is_image",
    "not_attached",
    "safe_filename",
    "safe_filenames",
    "size_label",
]

NAME_MAX = 100
_EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "text/csv": ".csv",
    "application/json": ".json",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
}
_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif"})  # shown inline by both
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RUNS = re.compile(r"([._-])[._-]+")


def is_image(file: Attachment) -> bool:
    """Whether both platforms show this file as a picture (Slack's image blocks and
    Discord's embed images take PNG, JPEG and GIF only)."""
    return file.mime.split(";")[0].strip().lower() in _IMAGES


def _extension(mime: str) -> str:
    return _EXTENSIONS.get(mime.split(";")[0].strip().lower(), "")


def _stem_and_suffix(name: str, extension: str) -> tuple[str, str]:
    """Split off the extension the MIME type implies, or else the name's own."""
    if extension:
        has = name.lower().endswith(extension)
        return (name[: -len(extension)] if has else name), extension
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and 1 <= len(suffix) <= 8 and suffix.isalnum():
        return stem, f".{suffix}"
    return name, ""


def _clean(stem: str) -> str:
    """Only safe characters, no runs of separators, none at either end."""
    return _RUNS.sub(r"\1", _UNSAFE.sub("_", stem)).strip("._-")


def safe_filename(name: str, mime: str, taken: Collection[str] = ()) -> str:
    """A name safe on every platform, not in `taken` (compared case-insensitively)."""
    last = re.split(r"[/\\]", name)[-1]
    ascii_name = unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode()
    stem, suffix = _stem_and_suffix(ascii_name, _extension(mime))
    suffix = "." + _clean(suffix) if _clean(suffix) else ""
    stem = _clean(stem) or ("chart" if mime.lower().startswith("image/") else "file")
    stem = stem[: NAME_MAX - len(suffix) - 4].rstrip("._-")  # room for a "-NN"
    lowered = {t.lower() for t in taken}
    candidate, n = f"{stem}{suffix}", 1
    while candidate.lower() in lowered and n < 1_000:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    return candidate


def safe_filenames(files: Sequence[Attachment]) -> list[str]:
    """`safe_filename` of each file, in order, no two alike."""
    names: list[str] = []
    for file in files:
        names.append(safe_filename(file.filename, file.mime, names))
    return names


def attachment_noun(files: Sequence[Attachment]) -> str:
    """What to call these files in a sentence: "chart", "charts", "file" or "files"."""
    noun = "chart" if files and all(is_image(f) for f in files) else "file"
    return noun if len(files) == 1 else f"{noun}s"


def not_attached(files: Sequence[Attachment], reason: str, *, some: bool = False) -> str:
    """One sentence for the reply: which files are missing and why (no repr, no name);
    `some` when others did go, so a lone one is "1 chart", not "The chart"."""
    noun = attachment_noun(files)
    lead = f"The {noun}" if len(files) == 1 and not some else f"{len(files)} {noun}"
    return f"{lead} could not be attached: {reason}."


def size_label(size: int) -> str:
    """Bytes as people read them in an upload limit: "26.2 MB", "8 MB", "900 KB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"
    if size >= 1_000:
        return f"{size // 1_000} KB"
    return f"{size} bytes"


@dataclass(frozen=True)
class Fitted:
    """The files that fit, in order, and those left out with the first reason why."""

    kept: tuple[Attachment, ...]
    dropped: tuple[Attachment, ...] = ()
    reason: str = ""


def fit_files(
    files: Sequence[Attachment], *, max_files: int, max_file_bytes: int, max_total_bytes: int
) -> Fitted:
    """Keep files in order while each is within its own limit and all are within the
    total; a file too big on its own is left out whatever the others do."""
    kept: list[Attachment] = []
    dropped: list[Attachment] = []
    reason = ""
    total = 0
    for file in files:
        size = len(file.data)
        why = ""
        if size > max_file_bytes:
            why = f"{size_label(size)} is over the {size_label(max_file_bytes)} upload limit"
        elif len(kept) >= max_files:
            why = f"at most {max_files} files go with one message"
        elif total + size > max_total_bytes:
            why = f"a message carries at most {size_label(max_total_bytes)} of files"
        if why:
            dropped.append(file)
            reason = reason or why
            continue
        kept.append(file)
        total += size
    return Fitted(tuple(kept), tuple(dropped), reason)
