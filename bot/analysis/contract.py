"""The analysis contract's JSON shape (DESIGN.md), shared by the CLI and the store.

A quote carries `text`, `speaker`, `role`, `key` and `speaker_latin` (the speaker in
Latin letters when the name is written in another script, else null). `role` is what
the text says the speaker is ("digital minister", "Nvidia CEO"), from `Quote.role`; like
`speaker` it is always present and `null` when the text gives none, so every quote object
has the same keys and a reader never has to tell "unknown" from "not written by this version".
Figures, by contrast, omit their unset optional fields (`usd`, `low`, `rate_date`).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.models import Analysis

__all__ = ["analysis_to_contract"]


def analysis_to_contract(analysis: Analysis) -> dict[str, Any]:
    """One analysis as the contract's JSON object (without the article id)."""
    return {
        "relevant": analysis.relevant,
        "relevance": analysis.relevance,
        "countries": list(analysis.countries),
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "key": q.key,
                "speaker_latin": q.speaker_latin,
            }
            for q in analysis.quotes
        ],
        "figures": [
            {k: v for k, v in asdict(f).items() if v is not None} for f in analysis.figures
        ],
        "summary": list(analysis.summary),
        "reasons": list(analysis.reasons),
        "lang": analysis.language,
    }
