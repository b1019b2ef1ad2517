"""The sovereign-AI ledger: announcements read out of stories, each counted once."""
