"""Logging set-up with a redactor: no secret value reaches a log line, whoever logs it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

__all__ = ["RedactingFilter", "setup_logging"]

MASK = "[redacted]"


class RedactingFilter(logging.Filter):
    """Replaces every known secret value in the formatted message (and exception text)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def _scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = self._scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self._scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr (stdout carries digests and reports) with secrets redacted."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "trafilatura", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
