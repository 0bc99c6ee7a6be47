"""token-monitor: exact token and cost accounting for OpenClaw."""

__version__ = "0.1.0"
