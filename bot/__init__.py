"""sovai: sovereign-AI news, read and summarised, for Slack and Discord."""

__version__ = "0.1.0"
