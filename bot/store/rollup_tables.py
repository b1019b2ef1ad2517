"""Per-day sums of the ledger, so a year's briefing reads 365 rows, not 6,000 or 10,000.

`ledger_days` holds, per country, UTC day and kind, what a briefing's totals and chart add
up from the counted announcements; `speaker_days` how often each speaker was quoted that
day. Both are derived: `bot/store/ledger_rollup.py` recomputes the days a transaction
touched, from the rows themselves, just before it commits.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.tables import Base

__all__ = ["LedgerDayRow", "SpeakerDayRow"]


class LedgerDayRow(Base):
    __tablename__ = "ledger_days"
    __table_args__ = ({"sqlite_with_rowid": False},)  # in key order: a range is one read

    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    amount: Mapped[float] = mapped_column(Float)  # USD for money, else the value
    announcements: Mapped[int] = mapped_column(Integer)
    conflicts: Mapped[int] = mapped_column(Integer)
    revisions: Mapped[int] = mapped_column(Integer)


class SpeakerDayRow(Base):
    __tablename__ = "speaker_days"
    __table_args__ = ({"sqlite_with_rowid": False},)

    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    speaker_key: Mapped[str] = mapped_column(String(256), primary_key=True)
    quotes: Mapped[int] = mapped_column(Integer)
    last_reported: Mapped[datetime]
