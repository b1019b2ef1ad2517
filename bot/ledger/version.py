"""The version of the ledger's rules, apart from the rules themselves.

Every command that opens the store compares it with the stored ledger's; kept in a module
of its own, that comparison does not import the claim readers and the matcher (and the
analysis they read with), which only a rebuild needs.
"""

from __future__ import annotations

__all__ = ["LEDGER_VERSION"]

# Bump when claims (claims.py and the claim_* modules) or matching (match.py) change:
# stored ledgers are then rebuilt from the articles.
LEDGER_VERSION = "2"
