"""The fake Slack's files: the external-upload flow, as `files_upload_v2` walks it.

1. `files.getUploadURLExternal` (filename, length, alt_txt) hands out a file ID and an
   upload URL on 127.0.0.1 pointing back at the fake, with a key no one could guess;
2. the bytes are POSTed to that URL (raw, as slack_sdk sends them), answered like Slack's
   upload host: `OK - <length>` as text/plain;
3. `files.completeUploadExternal` (files JSON, channel_id, initial_comment, thread_ts)
   finishes the files it names: without a channel they stay private to the bot, with one
   they are shared there in one message (with `files`), as Slack posts them.

Every upload is kept with its declared and received bytes, so a test compares hashes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]
_IDS = itertools.count(1)


@dataclass
class Upload:
    """One file: what was announced, what arrived, where it was shared."""

    file_id: str
    filename: str
    length: int
    alt_txt: str | None
    key: str
    data: bytes | None = None
    content_type: str = ""
    title: str | None = None
    completed: bool = False
    channel: str | None = None  # None: private to the bot
    initial_comment: str | None = None
    thread_ts: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data or b"").hexdigest()

    def file_object(self, team: str = "T0FAKE") -> Json:
        """The file as Slack describes it in its answers and in the message sharing it."""
        private = f"https://files.fake.slack.test/files-pri/{team}-{self.file_id}/{self.filename}"
        return {
            "id": self.file_id,
            "name": self.filename,
            "title": self.title or self.filename,
            "size": len(self.data or b""),
            "alt_txt": self.alt_txt,
            "url_private": private,
            "permalink": f"https://fake.slack.test/files/U0BOT/{self.file_id}/{self.filename}",
            "is_public": self.channel is not None and self.channel.startswith("C"),
            "channels": [self.channel] if self.channel else [],
        }


@dataclass
class FileStore:
    uploads: dict[str, Upload] = field(default_factory=dict)  # by file ID
    lock: threading.Lock = field(default_factory=threading.Lock)

    def upload_url(self, args: Json, base: str) -> Json:
        """files.getUploadURLExternal: a file ID and where its bytes go."""
        filename = str(args.get("filename") or "")
        try:
            length = int(args.get("length", ""))
        except ValueError:
            length = -1
        if not filename or length < 0:
            return {"ok": False, "error": "invalid_arguments"}
        upload = Upload(
            file_id=f"F0UP{next(_IDS):06d}",
            filename=filename,
            length=length,
            alt_txt=args.get("alt_txt"),
            key=secrets.token_urlsafe(16),
        )
        with self.lock:
            self.uploads[upload.file_id] = upload
        url = f"{base}upload/v1/{upload.key}"
        return {"ok": True, "upload_url": url, "file_id": upload.file_id}

    def receive(self, key: str, data: bytes, content_type: str) -> tuple[int, str]:
        """The POST of a file's bytes to its upload URL: (status, text)."""
        with self.lock:
            upload = next((u for u in self.uploads.values() if u.key == key), None)
            if upload is None or upload.completed:
                return 404, "Not Found"
            upload.data, upload.content_type = data, content_type
        return 200, f"OK - {len(data)}"

    def complete(self, args: Json) -> tuple[Json, list[Upload]]:
        """files.completeUploadExternal: Slack's answer and the uploads it finished."""
        try:
            named = json.loads(str(args.get("files") or "[]"))
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}, []
        if not isinstance(named, list) or not named:
            return {"ok": False, "error": "invalid_arguments"}, []
        with self.lock:
            found = [self.uploads.get(str(f.get("id"))) for f in named]
            done: list[Upload] = []
            for entry, upload in zip(named, found, strict=True):
                if upload is None or upload.data is None or upload.completed:
                    return {"ok": False, "error": "file_not_found"}, []
                upload.title = entry.get("title") or upload.filename
                done.append(upload)
            for upload in done:
                upload.completed = True
                upload.channel = args.get("channel_id") or None
                upload.initial_comment = args.get("initial_comment")
                upload.thread_ts = args.get("thread_ts")
        return {"ok": True, "files": [u.file_object() for u in done]}, done

    def finished(self) -> list[Upload]:
        """Completed uploads, in the order they were asked for."""
        with self.lock:
            return [u for u in self.uploads.values() if u.completed]


def share_message(ts_counter: int, uploads: list[Upload]) -> Json:
    """The message Slack posts where completed files are shared."""
    first = uploads[0]
    message: Json = {
        "type": "message",
        "subtype": "file_share",
        "ts": f"{int(time.time())}.{ts_counter:06d}",
        "text": first.initial_comment or "",
        "files": [u.file_object() for u in uploads],
        "bot_id": "B0BOT",
    }
    if first.thread_ts:
        message["thread_ts"] = first.thread_ts
    return message
