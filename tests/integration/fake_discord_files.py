"""The fake Discord's file uploads: multipart/form-data as discord.py sends it.

A message with files is one `multipart/form-data` request: a `payload_json` part (the
message's JSON, whose `attachments` give each file's id, filename and description) and
one `files[n]` part per file. The parts are cut at the boundary by hand, byte for byte,
so a file holding CR LF or something that looks like a boundary arrives intact.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]
_DISPOSITION = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class UploadedFile:
    """One `files[n]` part, with the description its `attachments` entry gave."""

    field: str
    filename: str
    content_type: str
    data: bytes
    description: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _boundary(content_type: str) -> bytes:
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if match is None:
        raise ValueError("multipart without a boundary")
    return match.group(1).encode()


def _parts(raw: bytes, boundary: bytes) -> list[tuple[dict[str, str], bytes]]:
    """(headers, content) of each part; the CR LF before each delimiter is not content."""
    delimiter = b"\r\n--" + boundary
    body = b"\r\n" + raw  # the first delimiter has no CR LF before it
    pieces = body.split(delimiter)
    parts = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):  # the closing delimiter
            break
        head, _, content = piece.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        parts.append((headers, content))
    return parts


def parse_multipart(raw: bytes, content_type: str) -> tuple[Any, list[UploadedFile]]:
    """The request's JSON (its `payload_json`) and its files, descriptions matched."""
    payload: Any = None
    found: list[tuple[str, str, str, bytes]] = []
    for headers, content in _parts(raw, _boundary(content_type)):
        fields = dict(_DISPOSITION.findall(headers.get("content-disposition", "")))
        if fields.get("name") == "payload_json":
            payload = json.loads(content)
        elif "filename" in fields:
            kind = headers.get("content-type", "application/octet-stream")
            found.append((fields["name"], fields["filename"], kind, content))
    data = (payload.get("data") if isinstance(payload, dict) else None) or payload or {}
    described = {str(a.get("id")): a for a in data.get("attachments") or []}
    files = []
    for name, filename, kind, content in found:
        index = name.removeprefix("files[").removesuffix("]")
        entry = described.get(index, {})
        files.append(UploadedFile(name, filename, kind, content, entry.get("description")))
    return payload, files


def attachment_objects(files: list[UploadedFile], channel_id: str, ids: list[str]) -> list[Json]:
    """The `attachments` of the message Discord stores, as it returns them."""
    return [
        {
            "id": aid,
            "filename": f.filename,
            "size": len(f.data),
            "url": f"https://cdn.fake.discord.test/attachments/{channel_id}/{aid}/{f.filename}",
            "proxy_url": f"https://media.fake.discord.test/attachments/{channel_id}/{aid}/x",
            "content_type": f.content_type,
            "description": f.description,
        }
        for f, aid in zip(files, ids, strict=True)
    ]
