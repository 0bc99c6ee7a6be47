"""token-monitor: exact token and cost accounting for OpenClaw."""

__version__ = "0.2.0"   # the one version: pyproject.toml reads it, SKILL.md's frontmatter must equal it
