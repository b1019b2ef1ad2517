"""Logging set-up with a redactor: no secret value reaches a log line, whoever logs it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from bot.redact import MASK, Redactor, register_secrets

__all__ = ["MASK", "RedactingFilter", "setup_logging"]


class RedactingFilter(logging.Filter):
    """Redacts the formatted message and exception text of every record (bot/redact.py):
    the known secret values and every token pattern, so a URL a library re-quotes in its
    own form (discord.py's `/api/v10/webhooks/ID/TOKEN`) is masked too."""

    def __init__(self, secrets: Iterable[str] | Redactor) -> None:
        super().__init__()
        self.redactor = secrets if isinstance(secrets, Redactor) else Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redactor(record.getMessage())
        record.args = None
        if record.exc_info:
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redactor(text)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redactor(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor(record.stack_info)
        return True


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr (stdout carries digests and reports) with secrets redacted; the same
    secrets are registered for redacting stored errors and replies."""
    redactor = register_secrets(secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(redactor))
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "trafilatura", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
