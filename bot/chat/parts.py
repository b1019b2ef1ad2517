"""The outbox's memory of a send in progress: which parts of a digest are posted.

A platform answers a post with the message's id (Discord) or ts (Slack); the sender
`confirm`s it here at once, and the log is written to the outbox row before the next
part goes out. A part is `begin`-marked before it is asked for: after a crash (kill -9,
power loss) or an answer that never came (a 502, a timeout), the one part begun but not
confirmed is the only one whose fate is unknown, and the only one a sender must look
up on the platform before posting it again. Parts never begun are simply posted.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

__all__ = ["PartLog"]

_log = logging.getLogger(__name__)
BEGUN = ""  # a part asked for, its answer not (yet) seen


class PartLog:
    """Part id → message reference ("" while unconfirmed), plus a few notes (a thread id,
    when the first part was begun), saved through `save` on every change."""

    def __init__(
        self,
        parts: dict[str, str] | None = None,
        notes: dict[str, str] | None = None,
        save: Callable[[str], None] | None = None,
    ) -> None:
        self.parts = dict(parts or {})
        self.notes = dict(notes or {})
        self._save = save

    @classmethod
    def load(cls, text: str | None, save: Callable[[str], None] | None = None) -> PartLog:
        """The log kept in an outbox row (anything else there, e.g. an old ref, is no log)."""
        data: Any = None
        if text and text.startswith("{"):
            try:
                data = json.loads(text)
            except ValueError:
                _log.warning("an outbox row holds an unreadable part log; starting afresh")
        if not isinstance(data, dict):
            return cls(save=save)
        parts, notes = data.get("parts"), data.get("notes")
        return cls(
            {str(k): str(v) for k, v in parts.items()} if isinstance(parts, dict) else None,
            {str(k): str(v) for k, v in notes.items()} if isinstance(notes, dict) else None,
            save,
        )

    def dump(self) -> str:
        return json.dumps({"parts": self.parts, "notes": self.notes}, sort_keys=True)

    def ref(self, part: str) -> str | None:
        """The confirmed reference of a part; None when not confirmed."""
        return self.parts.get(part) or None

    def begun(self) -> list[str]:
        """Parts asked for whose answer was never seen: posted or not, nobody knows yet."""
        return [p for p, ref in self.parts.items() if ref == BEGUN]

    @property
    def since(self) -> float | None:
        """When (epoch seconds, this host's clock) the first part of this send was begun."""
        value = self.notes.get("since")
        return float(value) if value else None

    def begin(self, part: str) -> None:
        if self.ref(part) is None:
            self.parts[part] = BEGUN
            self.notes.setdefault("since", f"{time.time():.3f}")
            self._write()

    def confirm(self, part: str, ref: str) -> None:
        self.parts[part] = ref
        self._write()

    def forget(self, part: str) -> None:
        """The platform says this part was not posted (e.g. a 429): nothing is unknown."""
        if self.parts.get(part) == BEGUN:
            del self.parts[part]
            self._write()

    def note(self, key: str, value: str) -> None:
        self.notes[key] = value
        self._write()

    def _write(self) -> None:
        if self._save is not None:
            self._save(self.dump())
