"""Values passed between the layers: usage events, skips, session metadata, prices. No behaviour."""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass
class SessionMeta:
    agent: str
    session_id: str
    session_key: str | None = None
    channel: str | None = None
    label: str | None = None
    chat_type: str | None = None
    parent_session_key: str | None = None
    created_ms: int | None = None


@dataclasses.dataclass(slots=True)     # not frozen: built once per call on collect's hot path (4x cheaper)
class UsageEvent:
    key: str
    entry_id: str | None
    response_id: str | None
    provider: str
    model: str
    api: str | None
    ts_ms: int
    input: int
    output: int
    cache_read: int
    cache_write: int
    total_tokens: int
    cost_total: float | None
    cost_input: float | None
    cost_output: float | None
    cost_cache_read: float | None
    cost_cache_write: float | None
    cost_origin: str | None        # "recorded" | "provider-billed" | None (no cost object)
    stop_reason: str | None
    usage_status: str              # "ok" | "missing" | "error" | "aborted"


@dataclasses.dataclass(frozen=True)
class Skip:
    """A record that is not a usage event. `malformed` ones are problems to report; others are normal."""

    reason: str
    malformed: bool = False
    detail: str = ""


@dataclasses.dataclass(frozen=True)
class Price:
    """USD per 1M tokens, as OpenClaw's `models.providers.<p>.models[].cost`, and where it came from:
    `source` is "openclaw.json" (the user's config or an agent's models.json) or the price list's label
    ("price list genai-prices 0.2.5"); `matched` names the list entry ("zai/GLM-4.5-Air")."""

    input: float = 0.0
    output: float = 0.0
    cache_read: float = 0.0
    cache_write: float = 0.0
    source: str = "openclaw.json"
    matched: str | None = None

    @property
    def is_zero(self) -> bool:
        return not (self.input or self.output or self.cache_read or self.cache_write)



@dataclasses.dataclass(frozen=True)
class Filters:
    agents: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"agent": list(self.agents), "provider": list(self.providers), "model": list(self.models),
                "session": list(self.sessions), **({"host": list(self.hosts)} if self.hosts else {})}


@dataclasses.dataclass(frozen=True)
class RawRecord:
    """One transcript event as a source read it, before normalisation."""

    obj: Any                              # the parsed event (a dict when well formed)
    loc: str                              # where in its source: "line 12", "<session>#<seq>", "archive:<name>:3"
    session_id: str | None = None         # when the source knows it per record (cold archives' headers)
    created_ms: int | None = None         # SQLite's created_at: the fallback time and when the call appeared
    resume: tuple[int, int] | None = None  # (byte offset, line) just past it, for a file read incrementally


@dataclasses.dataclass(frozen=True)
class Malformed:
    """A record a source could not parse: counted and located, never silently skipped."""

    loc: str
    detail: str
    resume: tuple[int, int] | None = None
