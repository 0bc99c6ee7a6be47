"""Turn ledger events into a report: totals, a one- or two-level breakdown, the previous period,
a daily series, top sessions and notes — as a plain JSON-ready dict that `render` formats.

The heavy lifting is SQL: one GROUP BY per question over a `ts_ms` range, grouped also by
(provider, model, cost class) so cost can be priced per group afterwards. Estimation is linear
in tokens, so pricing a group's token sums equals pricing each call (pricing.resolve_cost is the
per-call rule these classes mirror). Local days and hours are computed in SQL from the zone's
offset segments (periods.offset_segments), so DST days have 23 or 25 hourly buckets.

No I/O and no clock of its own: the caller passes `run_query(sql, params) -> rows`, `now` and
the zone. Every breakdown folds its tail into a "+N more" row, so row sums always equal totals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Callable, Iterable, Mapping, Sequence

from . import pricing
from .config import Price
from .normalize import normalize_provider
from .errors import UsageError
from .ledger import CUBES, HOUR_MS, ROLLUP_CLASS_SQL, TRIGGER_CLASS_SQL   # SQL text and table shapes only
from .periods import Window, from_ms, local_days, local_midnight, offset_segments

DIMENSIONS = ("model", "provider", "agent", "session", "day", "hour", "channel", "trigger")
TIME_DIMS = ("day", "hour")
TRIGGERS = ("user", "heartbeat", "cron", "subagent", "hook")
DEFAULT_TOP = 25
TOP_SESSIONS = 5
SEP = "\x1f"
COST_DIGITS = 10          # JSON costs are rounded here: float sums carry 1e-17 noise otherwise
RunQuery = Callable[[str, Sequence], Iterable[tuple]]

# The cost class (B provider-billed, R recorded, Z no tokens, P priced by us) is computed per
# event by ledger.ROLLUP_CLASS_SQL, mirroring pricing.resolve_cost; every query reads rows from
# `_source_sql` (events and hourly rollup rows) or `_cube_source` (events, rollup_hour and the
# block rollups of ledger.CUBES), whichever holds the dimensions it needs with the fewest rows.
TRIGGER_SQL = TRIGGER_CLASS_SQL
SUMS_SQL = (
    "SUM(e.calls), SUM(e.input), SUM(e.output), SUM(e.cache_read), SUM(e.cache_write), SUM(e.total_tokens), "
    "SUM(e.cost_total), SUM(e.no_usage), SUM(e.failed)"
)
N_SUMS = 9


def trigger_of(session_key: str | None, event_trigger: str | None = None) -> str:
    """Python twin of TRIGGER_SQL: what started a call (user turn, heartbeat, cron, sub-agent, hook)."""
    if event_trigger == "heartbeat":
        return "heartbeat"
    key = session_key or ""
    rest = key.split(":", 2)[2] if key.lower().startswith("agent:") and key.count(":") >= 2 else key
    if rest.lower().startswith("cron:"):
        return "cron"
    if rest.lower().startswith("hook:"):
        return "hook"
    if "subagent" in key.lower():
        return "subagent"
    return "user"


@dataclasses.dataclass(frozen=True)
class Filters:
    agents: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"agent": list(self.agents), "provider": list(self.providers), "model": list(self.models),
                "session": list(self.sessions)}


def parse_by(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = tuple(p.strip().lower() for p in text.split(",") if p.strip())
    bad = [p for p in parts if p not in DIMENSIONS]
    if bad or not parts or len(parts) > 2 or len(set(parts)) != len(parts):
        raise UsageError(f"--by: cannot use {text!r}",
                         hint="one or two of " + "|".join(DIMENSIONS) + ", e.g. --by agent,model")
    return parts


# --------------------------------------------------------------------------- totals
@dataclasses.dataclass
class Totals:
    calls: int = 0
    input: int = 0
    output: int = 0
    cache_read: int = 0
    cache_write: int = 0
    total_tokens: int = 0
    no_usage: int = 0
    failed: int = 0
    unpriced_tokens: int = 0
    cost: dict = dataclasses.field(default_factory=dict)       # basis -> USD, only bases present

    def add(self, o: "Totals") -> None:
        for f in ("calls", "input", "output", "cache_read", "cache_write", "total_tokens", "no_usage", "failed", "unpriced_tokens"):
            setattr(self, f, getattr(self, f) + getattr(o, f))
        for k, v in o.cost.items():
            self.cost[k] = self.cost.get(k, 0.0) + v

    @property
    def known_cost(self) -> float | None:
        """USD we can defend; None when every token is unpriced (unknown is not $0)."""
        if not self.cost and self.unpriced_tokens:
            return None
        return sum(self.cost.values())

    def as_json(self) -> dict:
        cost = self.known_cost
        return {
            "calls": self.calls, "input": self.input, "output": self.output, "cacheRead": self.cache_read,
            "cacheWrite": self.cache_write, "totalTokens": self.total_tokens,
            "cost": None if cost is None else round(cost, COST_DIGITS),
            "costBasis": {k: round(v, COST_DIGITS) for k, v in sorted(self.cost.items())},
            "unpricedTokens": self.unpriced_tokens,
            "noUsageCalls": self.no_usage, "failedCalls": self.failed,
        }


def price_group(provider: str, model: str, cls: str, sums: Sequence, prices: Mapping[tuple[str, str], Price]) -> Totals:
    calls, inp, out, cr, cw, tot, cost_sum, no_usage, failed = (v or 0 for v in sums)
    t = Totals(calls=calls, input=inp, output=out, cache_read=cr, cache_write=cw, total_tokens=tot,
               no_usage=no_usage, failed=failed)
    if cls == "B":
        t.cost[pricing.PROVIDER_BILLED] = float(cost_sum)
    elif cls == "R":
        t.cost[pricing.RECORDED] = float(cost_sum)
    elif cls == "P":
        price = prices.get((provider, model))
        if price is None:
            t.unpriced_tokens = tot
        elif price.is_zero:
            t.cost[pricing.ZERO_PRICED] = 0.0
        else:
            t.cost[pricing.ESTIMATED] = pricing.estimate(price, input=inp, output=out, cache_read=cr, cache_write=cw)
    return t


# --------------------------------------------------------------------------- SQL
def _dim_sql(dim: str, segments: list[tuple[int, int]], *, cube: str | None = None) -> str:
    if dim == "trigger" and cube is not None:
        return "e.trig"
    if dim == "model":
        return "e.provider || '/' || e.model"
    if dim in ("provider", "agent"):
        return f"e.{dim}"
    if dim == "session":
        return f"e.agent || char(31) || e.session_id"
    if dim == "channel":
        return "COALESCE(s.channel, '')"
    if dim == "trigger":
        return TRIGGER_SQL
    day = 86400000 if dim == "day" else 3600000

    def bucket(off: int) -> str:
        if dim == "day":                       # local date number since 1970-01-01
            return f"((e.ts_ms + {off}) / {day})"
        return f"(e.ts_ms - ((e.ts_ms + {off}) % {day}))"   # UTC ms where the local hour starts
    if len(segments) == 1:
        return bucket(segments[0][1])
    whens = " ".join(f"WHEN e.ts_ms < {segments[i + 1][0]} THEN {bucket(off)}" for i, (_, off) in enumerate(segments[:-1]))
    return f"(CASE {whens} ELSE {bucket(segments[-1][1])} END)"


class LedgerQuery:
    """`run_query` over a ledger, knowing whether its hourly rollup is fresh and may be used."""

    def __init__(self, select: Callable, *, rollup: bool):
        self.select = select
        self.rollup = rollup

    def __call__(self, sql: str, params: Sequence = ()):
        return self.select(sql, params)


def ledger_query(ledger) -> LedgerQuery:
    """Bring the rollup up to date if we can; otherwise answer from events alone (slower, same numbers)."""
    import sqlite3

    try:
        ledger.refresh_rollup()
    except sqlite3.OperationalError:     # read-only data dir or a long-held lock: events are the truth
        pass
    return LedgerQuery(ledger.select, rollup=ledger.rollup_is_fresh())


_EVENT_COLS = (
    "SELECT ts_ms, agent, session_id, provider, model, {cls} AS cls, trigger, 1 AS calls, input, output, "
    "cache_read, cache_write, total_tokens, cost_total, "
    "(total_tokens = 0 AND usage_status NOT IN ('error', 'aborted')) AS no_usage, "
    "(total_tokens = 0 AND usage_status IN ('error', 'aborted')) AS failed, ts_ms AS min_ts, ts_ms AS max_ts "
    "FROM events WHERE "
)
_EVENT_ROWS = _EVENT_COLS + "ts_ms >= ? AND ts_ms < ?"
_ROLLUP_ROWS = (
    "SELECT hour_ms AS ts_ms, agent, session_id, provider, model, cls, trigger, calls, input, output, cache_read, "
    "cache_write, total_tokens, cost_total, no_usage, failed, min_ts, max_ts FROM rollup_hour "
    "WHERE hour_ms >= ? AND hour_ms < ?"
)
_FAR = 1 << 62


def _source_sql(start_ms: int | None, end_ms: int | None, *, rollup: bool,
                segments: Sequence[tuple[int, int]] = ()) -> tuple[str, list]:
    """Rows for [start_ms, end_ms): whole UTC hours from the rollup, the partial edge hours from events.

    Rollup rows stand at their hour's start, so they are only used when every local offset in the
    window is a whole number of hours (true for nearly every zone; +05:30 reads events)."""
    lo = -_FAR if start_ms is None else start_ms
    hi = _FAR if end_ms is None else end_ms
    events = _EVENT_ROWS.format(cls=ROLLUP_CLASS_SQL)
    if not rollup or any(off % HOUR_MS for _, off in segments):
        return f"({events})", [lo, hi]
    a = lo if start_ms is None else -(-lo // HOUR_MS) * HOUR_MS      # first whole hour inside
    b = hi if end_ms is None else (hi // HOUR_MS) * HOUR_MS          # end of the last whole hour
    if a >= b:
        return f"({events})", [lo, hi]
    return f"({events} UNION ALL {_ROLLUP_ROWS} UNION ALL {events})", [lo, a, a, b, b, hi]


def _pair_source(pairs: Sequence[tuple[str, str]], start_ms: int | None, end_ms: int | None) -> tuple[str, list]:
    """Events of a few sessions, read through the (agent, session_id, ts_ms) index.

    The CROSS JOIN from a VALUES list fixes the plan (one index seek per session) whether or not
    the ledger has ever been ANALYZEd; an OR of conditions is planned from statistics."""
    lo = -_FAR if start_ms is None else start_ms
    hi = _FAR if end_ms is None else end_ms
    cols = _EVENT_COLS.format(cls=ROLLUP_CLASS_SQL).replace("FROM events WHERE ", "")
    values = ", ".join(["(?, ?)"] * len(pairs))
    return (f"({cols} FROM (VALUES {values}) p CROSS JOIN events ON agent = p.column1 AND session_id = p.column2 "
            "AND ts_ms >= ? AND ts_ms < ?)"), [v for pair in pairs for v in pair] + [lo, hi]


_NEEDS = {"model": {"provider", "model"}, "provider": {"provider"}, "agent": {"agent"}, "trigger": {"trig"},
          "day": set(), "hour": set(), "session": {"session"}, "channel": {"session"}}


def _cube_for(dims: Sequence[str], filters: Filters, *, choices: Sequence[str] = ("model", "trigger")) -> str | None:
    """The smallest block rollup holding every dimension and filter, or None (session-level data)."""
    need: set[str] = set()
    for d in dims:
        need |= _NEEDS[d]
    if filters.agents:
        need.add("agent")
    if filters.providers:
        need.add("provider")
    if filters.models:
        need |= {"provider", "model"}
    if filters.sessions:
        need.add("session")
    for name in choices:
        if need <= set(CUBES[name].dims):
            return name
    return None


def _blocks(lo: int, hi: int, grains: Sequence[int]) -> Iterable[tuple[int, int]]:
    """(grain, start) of the epoch-aligned blocks covering whole hours [lo, hi), largest that fit first."""
    x = lo
    while x < hi:
        g = max(g for g in grains if x % (g * HOUR_MS) == 0 and x + g * HOUR_MS <= hi)
        yield g, x
        x += g * HOUR_MS


def _cuts(start_ms: int, end_ms: int, segments: Sequence[tuple[int, int]], *, by_day: bool) -> list[int]:
    """Where a block may not straddle: offset changes and, for the day dimension, local midnights."""
    cuts = {start_ms, end_ms}
    bounds = [s for s, _ in segments[1:]]
    cuts.update(b for b in bounds if start_ms < b < end_ms)
    if by_day:
        day = 86_400_000
        for i, (seg_lo, off) in enumerate(segments):
            a = max(seg_lo, start_ms)
            b = min(bounds[i] if i < len(bounds) else end_ms, end_ms)
            t = -(-(a + off) // day) * day - off
            while t < b:
                cuts.add(t)
                t += day
    return sorted(c for c in cuts if start_ms <= c <= end_ms)


def _runs(starts: Iterable[int], step: int) -> list[tuple[int, int]]:
    """Consecutive block starts merged into [lo, hi) ranges."""
    runs: list[list[int]] = []
    for x in sorted(starts):
        if runs and runs[-1][1] == x:
            runs[-1][1] = x + step
        else:
            runs.append([x, x + step])
    return [(a, b) for a, b in runs]


def _values(rows: Iterable[tuple[int, ...]]) -> str:
    """A VALUES list of integers we computed (literals: the list can be long, parameters are limited)."""
    return "VALUES " + ", ".join("(" + ", ".join(str(int(v)) for v in r) + ")" for r in rows)


def _cube_source(name: str, start_ms: int, end_ms: int, *, time_dim: str | None = None,
                 segments: Sequence[tuple[int, int]] = ((0, 0),)) -> str:
    """Rows of cube `name` for [start_ms, end_ms): blocks where whole, rollup_hour hours, events at the edges.

    Every row stands at its block's start; for a time dimension the range is first cut at offset
    changes and local midnights, so each block lies inside one local day (or is one hour)."""
    cube = CUBES[name]
    grains = (1,) if time_dim == "hour" else tuple(sorted({1, *cube.grains}))
    ev: list[tuple[int, int]] = []
    blocks: dict[int, list[int]] = {}
    cuts = _cuts(start_ms, end_ms, segments, by_day=time_dim == "day")
    for lo, hi in zip(cuts, cuts[1:]):
        a = -(-lo // HOUR_MS) * HOUR_MS
        b = (hi // HOUR_MS) * HOUR_MS
        if a >= b:
            ev.append((lo, hi))
            continue
        ev += [r for r in ((lo, a), (b, hi)) if r[0] < r[1]]
        for g, x in _blocks(a, b, grains):
            blocks.setdefault(g, []).append(x)
    join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if "trig" in cube.dims else ""

    def cols(ts: str, *, events: bool, stored: bool = False) -> str:
        out = [f"{ts} AS ts_ms"]
        for d in cube.dims:
            if d == "trig" and not stored:
                out.append(f"{TRIGGER_CLASS_SQL} AS trig")
            else:
                out.append(f"{ROLLUP_CLASS_SQL if d == 'cls' and events else 'e.' + d} AS {d}")
        for m in cube.sums:
            if events and m == "calls":
                out.append("1 AS calls")
            elif events and m in ("no_usage", "failed"):
                out.append(f"(e.total_tokens = 0 AND e.usage_status {'NOT ' if m == 'no_usage' else ''}IN ('error', 'aborted')) AS {m}")
            else:
                out.append(f"e.{m} AS {m}")
        return ", ".join(out)
    # Each part is driven by a VALUES list of ranges CROSS JOINed to the table, which pins the plan
    # to one range seek per entry with or without ANALYZE statistics (an OR of ranges is not).
    parts = []
    if ev:
        parts.append(f"SELECT {cols('e.ts_ms', events=True)} FROM ({_values(ev)}) r CROSS JOIN events e{join} "
                     "WHERE e.ts_ms >= r.column1 AND e.ts_ms < r.column2")
    if 1 in blocks and 1 not in cube.grains:
        parts.append(f"SELECT {cols('e.hour_ms', events=False)} FROM ({_values(_runs(blocks.pop(1), HOUR_MS))}) r "
                     f"CROSS JOIN rollup_hour e{join} WHERE e.hour_ms >= r.column1 AND e.hour_ms < r.column2")
    if blocks:
        ranges = [(g, a, b) for g, xs in sorted(blocks.items()) for a, b in _runs(xs, g * HOUR_MS)]
        parts.append(f"SELECT {cols('e.start_ms', events=False, stored=True)} FROM ({_values(ranges)}) r "
                     f"CROSS JOIN {cube.table} e WHERE e.grain = r.column1 AND e.start_ms >= r.column2 AND e.start_ms < r.column3")
    if not parts:
        parts.append(f"SELECT {cols('e.ts_ms', events=True)} FROM events e{join} WHERE 0")
    return "(" + " UNION ALL ".join(parts) + ")"


def _needs_join(dims: Sequence[str], filters: Filters) -> bool:
    return bool({"channel", "trigger"} & set(dims)) or bool(filters.sessions)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Lower-case the way SQLite's lower() does (ASCII only), so both sides of a comparison agree."""
    return text.translate(_ASCII_LOWER)


def provider_keys(provider: str) -> list[str]:
    """What `--provider X` matches: X in any case, and the id the collector stores for it
    (normalize.normalize_provider: kimi-coding -> kimi, z-ai -> zai)."""
    return sorted({fold(provider), fold(normalize_provider(provider))})


def _where(start_ms: int | None, end_ms: int | None, filters: Filters) -> tuple[str, list]:
    """Filter conditions over `e` (events, rollup_hour or a block rollup: each has agent, provider,
    model and session_id columns) and `s` (sessions, joined only for a session filter).

    Names are matched ignoring case: people type `--agent Main` for the agent OpenClaw calls `main`."""
    where, params = [], []
    if start_ms is not None:
        where.append("e.ts_ms >= ?")
        params.append(start_ms)
    if end_ms is not None:
        where.append("e.ts_ms < ?")
        params.append(end_ms)
    if filters.agents:
        where.append(f"lower(e.agent) IN ({','.join('?' * len(filters.agents))})")
        params.extend(fold(a) for a in filters.agents)
    if filters.providers:
        keys = sorted({k for p in filters.providers for k in provider_keys(p)})
        where.append(f"lower(e.provider) IN ({','.join('?' * len(keys))})")
        params.extend(keys)
    if filters.models:
        conds = []
        for m in filters.models:
            conds.append("lower(e.model) = ?")
            params.append(fold(m))
            provider, slash, model = m.partition("/")
            if slash and model:
                keys = provider_keys(provider)
                conds.append(f"(lower(e.provider) IN ({','.join('?' * len(keys))}) AND lower(e.model) = ?)")
                params.extend([*keys, fold(model)])
        where.append("(" + " OR ".join(conds) + ")")
    if filters.sessions:
        conds = []
        for s in filters.sessions:
            conds.append("lower(e.session_id) = ? OR lower(s.session_key) = ? OR lower(s.label) = ? "
                         "OR (length(?) >= 6 AND e.session_id LIKE ? || '%')")
            params.extend([fold(s)] * 4 + [s.replace("%", "").replace("_", "")])
        where.append("(" + " OR ".join(conds) + ")")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def unmatched_filters(run_query: RunQuery, filters: Filters, *, width: int = 64) -> list[str]:
    """One sentence per filter dimension naming values that match no call in the whole ledger,
    with the values it does know ("no provider 'xyz' in the ledger; known: moonshot, zai, …").

    Called only when a filtered report came out empty with no earlier usage: it scans the events."""
    out = []
    for dim, values in (("agent", filters.agents), ("provider", filters.providers), ("model", filters.models),
                        ("session", filters.sessions)):
        missing = []
        for v in values:
            one = Filters(**{dim + "s": (v,)})
            where, params = _where(None, None, one)
            join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if dim == "session" else ""
            if not list(run_query(f"SELECT 1 FROM events e{join}{where} LIMIT 1", params)):
                missing.append(v)
        if not missing:
            continue
        names = ", ".join(repr(v) for v in missing)
        if dim == "session":
            out.append(f"no session matching {names} in the ledger (list them: token-monitor sessions)")
            continue
        head = f"no {dim} {names} in the ledger"
        known = [r[0] for r in run_query(f"SELECT e.{dim} FROM events e GROUP BY 1 ORDER BY SUM(e.total_tokens) DESC, 1", [])]
        if not known:
            out.append(head + " (it is empty)")
            continue
        shown: list[str] = []
        for i, k in enumerate(known):
            rest = len(known) - i - 1
            text = f"{head}; known: {', '.join(shown + [k])}" + (f" +{rest}" if rest else "")
            if shown and len(text) > width - 1:
                break
            shown.append(k)
        more = len(known) - len(shown)
        out.append(f"{head}; known: {', '.join(shown)}" + (f" +{more}" if more else ""))
    return out


def usage_sql(dims: Sequence[str], *, start_ms: int | None, end_ms: int | None, filters: Filters,
              segments: list[tuple[int, int]] | None = None, pairs: Sequence[tuple[str, str]] = (),
              rollup: bool = False) -> tuple[str, list]:
    """SELECT dims..., provider, model, cost class, sums... grouped over [start_ms, end_ms)."""
    segs = segments or [(0, 0)]
    time_dims = [d for d in dims if d in TIME_DIMS]
    cube = None
    if rollup and not pairs and start_ms is not None and end_ms is not None \
            and not (time_dims and any(off % HOUR_MS for _, off in segs)):
        cube = _cube_for(dims, filters)
    exprs = [_dim_sql(d, segs, cube=cube) for d in dims]
    join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if _needs_join(dims, filters) else ""
    if pairs:
        source, sparams = _pair_source(pairs, start_ms, end_ms)
    elif cube is not None:
        join = ""
        source, sparams = _cube_source(cube, start_ms, end_ms, time_dim="hour" if "hour" in time_dims else
                                       ("day" if time_dims else None), segments=segs if time_dims else [(0, 0)]), []
    else:
        source, sparams = _source_sql(start_ms, end_ms, rollup=rollup, segments=segs if time_dims else ())
    where, params = _where(None, None, filters)
    cols = ", ".join([*exprs, "e.provider", "e.model", "e.cls"])
    groups = ", ".join(str(i + 1) for i in range(len(exprs) + 3))
    return f"SELECT {cols}, {SUMS_SQL} FROM {source} e{join}{where} GROUP BY {groups}", sparams + params


def grouped_totals(run_query: RunQuery, dims: Sequence[str], *, start_ms: int | None, end_ms: int | None,
                   filters: Filters, prices, segments=None, pairs: Sequence[tuple[str, str]] = (),
                   per_model: dict | None = None) -> dict[tuple, Totals]:
    """dims tuple -> priced Totals; `per_model`, when given, also receives (provider, model) -> Totals."""
    sql, params = usage_sql(dims, start_ms=start_ms, end_ms=end_ms, filters=filters, segments=segments, pairs=pairs,
                            rollup=getattr(run_query, "rollup", False))
    out: dict[tuple, Totals] = {}
    n = len(dims)
    for row in run_query(sql, params):
        key = tuple(row[:n])
        provider, model, cls = row[n:n + 3]
        t = price_group(provider, model, cls, row[n + 3:n + 3 + N_SUMS], prices)
        out.setdefault(key, Totals()).add(t)
        if per_model is not None:
            per_model.setdefault((provider, model), Totals()).add(t)
    return out


def project(groups: Mapping[tuple, Totals], idx: Sequence[int]) -> dict[tuple, Totals]:
    """Fold finer groups onto some of their key positions."""
    out: dict[tuple, Totals] = {}
    for key, t in groups.items():
        out.setdefault(tuple(key[i] for i in idx), Totals()).add(t)
    return out


def session_counts(run_query: RunQuery, *, start_ms: int | None, end_ms: int | None, filters: Filters) -> list[tuple]:
    """[(agent, session_id, calls, total_tokens)] for every session with a call in the range."""
    where, params = _where(None, None, filters)
    join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if filters.sessions else ""
    rollup = getattr(run_query, "rollup", False)
    if rollup and start_ms is not None and end_ms is not None and _cube_for([], filters, choices=("session",)):
        source, sparams = _cube_source("session", start_ms, end_ms), []
    else:
        source, sparams = _source_sql(start_ms, end_ms, rollup=rollup)
    return list(run_query(f"SELECT e.agent, e.session_id, SUM(e.calls), SUM(e.total_tokens) FROM {source} e{join}{where} GROUP BY 1, 2",
                          sparams + params))


def last_usage_ms(run_query: RunQuery, *, before_ms: int | None, filters: Filters) -> int | None:
    where, params = _where(None, before_ms, filters)
    join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if filters.sessions else ""
    extra = (" AND " if where else " WHERE ") + "e.total_tokens > 0"
    rows = list(run_query(f"SELECT MAX(e.ts_ms) FROM events e{join}{where}{extra}", params))
    return rows[0][0] if rows and rows[0][0] is not None else None


def session_meta(run_query: RunQuery, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    pairs = list(dict.fromkeys(pairs))
    out: dict[tuple[str, str], dict] = {}
    for i in range(0, len(pairs), 400):
        chunk = pairs[i:i + 400]
        cond = " OR ".join(["(agent = ? AND session_id = ?)"] * len(chunk))
        params = [v for p in chunk for v in p]
        for agent, sid, key, channel, label in run_query(
                f"SELECT agent, session_id, session_key, channel, label FROM sessions WHERE {cond}", params):
            out[(agent, sid)] = {"sessionKey": key, "channel": channel, "label": label}
    return out


# --------------------------------------------------------------------------- labels
UUIDISH = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)


def session_title(agent: str, session_id: str, meta: Mapping | None) -> str:
    """A human name for a session: its label, else its key without `agent:<id>:`, else a short id."""
    meta = meta or {}
    name = meta.get("label")
    if not name and meta.get("sessionKey"):
        key = meta["sessionKey"]
        prefix = f"agent:{agent}:"
        name = key[len(prefix):] if key.startswith(prefix) else key
        name = UUIDISH.sub(lambda m: m.group(0)[:8], name)
    if not name:
        name = UUIDISH.sub(lambda m: m.group(0)[:8], session_id)
    return f"{agent}/{name}"


def _label(dim: str, key, tz: dt.tzinfo, meta: Mapping, model_names: dict) -> tuple[str | None, str]:
    """(JSON key, label) for one dimension value."""
    if dim == "day":
        day = dt.date(1970, 1, 1) + dt.timedelta(days=int(key))
        return day.isoformat(), day.strftime("%a %-d %b")
    if dim == "hour":
        t = from_ms(int(key), tz)
        label = t.strftime("%a %-d %H:%M")
        if t.replace(fold=1 - t.fold).utcoffset() != t.utcoffset():      # the repeated hour of a DST change
            label += t.strftime(" %z")[:4]
        return t.isoformat(), label
    if dim == "model":
        provider, _, model = key.partition("/")
        return key, (key if model_names.get(model, 0) > 1 else model)
    if dim == "session":
        agent, _, sid = key.partition(SEP)
        return f"{agent}/{sid}", session_title(agent, sid, meta.get((agent, sid)))
    if dim == "channel":
        return (key or None), (key or "(none)")
    return key, key


# --------------------------------------------------------------------------- breakdown
def _row(key_json, label: str, t: Totals, dim: str) -> dict:
    return {"dimension": dim, "key": key_json, "label": label, **t.as_json()}


def _order(items: list[tuple], dim: str) -> list[tuple]:
    if dim in TIME_DIMS:
        return sorted(items, key=lambda kv: kv[0])
    return sorted(items, key=lambda kv: (-kv[1].total_tokens, -(kv[1].known_cost or 0.0), str(kv[0])))


def _cut(items: list[tuple], dim: str, top: int) -> tuple[list[tuple], list[tuple]]:
    """Keep `top` entries (the largest; time buckets stay in time order), return (kept, rest)."""
    if len(items) <= top:
        return _order(items, dim), []
    by_size = sorted(items, key=lambda kv: (-kv[1].total_tokens, -(kv[1].known_cost or 0.0), str(kv[0])))
    return _order(by_size[:top], dim), by_size[top:]


def _other_row(rest: list[tuple], dim: str) -> dict:
    t = Totals()
    for _, v in rest:
        t.add(v)
    return {"dimension": dim, "key": None, "label": f"+{len(rest)} more", "more": len(rest), **t.as_json()}


def build_rows(groups: dict[tuple, Totals], by: Sequence[str], *, top: int, tz: dt.tzinfo, meta: Mapping) -> list[dict]:
    if not by:
        return []
    model_names: dict[str, int] = {}
    for dim_i, dim in enumerate(by):
        if dim == "model":
            for m in {k[dim_i] for k in groups}:
                name = m.partition("/")[2]
                model_names[name] = model_names.get(name, 0) + 1
    first: dict = {}
    for key, t in groups.items():
        first.setdefault(key[0], Totals()).add(t)
    kept, rest = _cut(list(first.items()), by[0], top)
    rows = []
    for k, t in kept:
        kj, label = _label(by[0], k, tz, meta, model_names)
        row = _row(kj, label, t, by[0])
        if len(by) == 2:
            children = [(key[1], v) for key, v in groups.items() if key[0] == k]
            ck, crest = _cut(children, by[1], top)
            row["children"] = [_row(*_label(by[1], c, tz, meta, model_names), v, by[1]) for c, v in ck]
            if crest:
                row["children"].append(_other_row(crest, by[1]))
        rows.append(row)
    if rest:
        rows.append(_other_row(rest, by[0]))
    return rows


# --------------------------------------------------------------------------- the report
def _delta(now_v, prev_v) -> float | None:
    if now_v is None or prev_v is None or prev_v == 0:
        return None
    return round((now_v - prev_v) / prev_v * 100, 1)


def _window_json(w: Window, tz: dt.tzinfo) -> dict:
    return {"start": w.start.astimezone(tz).isoformat(), "end": w.end.astimezone(tz).isoformat(),
            "startMs": w.start_ms, "endMs": w.end_ms}


def build_report(run_query: RunQuery, *, window: Window, previous: Window | None, by: Sequence[str],
                 filters: Filters, prices: Mapping[tuple[str, str], Price], tz: dt.tzinfo, tz_name: str,
                 tz_source: str, now: dt.datetime, top: int | None = None, demo: bool = False,
                 freshness: Mapping | None = None, last_window: Callable[[dt.datetime], Window] | None = None) -> dict:
    """Everything a report says, as a JSON-ready dict (see references/report-json.md)."""
    top = top or DEFAULT_TOP
    start_ms, end_ms = window.start_ms, window.end_ms
    segments = offset_segments(start_ms, end_ms, tz)
    # One scan answers totals, the breakdown, the daily series and the per-model notes.
    with_day = window.multi_day and "day" not in by
    dims = list(by) + (["day"] if with_day else [])
    per_model: dict[tuple[str, str], Totals] = {}
    if with_day and _cube_for(by, filters) != _cube_for(["day"], filters):
        # The breakdown needs a wider rollup than the daily series: two narrow scans read fewer
        # rows than one by (breakdown, day). Same decision with or without the rollup.
        groups = grouped_totals(run_query, by, start_ms=start_ms, end_ms=end_ms, filters=filters,
                                prices=prices, segments=segments)
        dims = ["day"]
        fine = grouped_totals(run_query, dims, start_ms=start_ms, end_ms=end_ms, filters=filters,
                              prices=prices, segments=segments, per_model=per_model)
    else:
        fine = grouped_totals(run_query, dims, start_ms=start_ms, end_ms=end_ms, filters=filters,
                              prices=prices, segments=segments, per_model=per_model)
        groups = project(fine, range(len(by))) if with_day else fine
    totals = Totals()
    for t in fine.values():
        totals.add(t)
    by_provider: dict[str, Totals] = {}
    unpriced_models: dict[str, int] = {}
    for (provider, model), t in per_model.items():
        by_provider.setdefault(provider, Totals()).add(t)
        if t.unpriced_tokens:
            unpriced_models[f"{provider}/{model}"] = t.unpriced_tokens

    # Sessions: counted cheaply for all, priced only for the few shown.
    counts = session_counts(run_query, start_ms=start_ms, end_ms=end_ms, filters=filters)
    ranked = sorted(counts, key=lambda r: (-(r[3] or 0), r[0], r[1]))[:TOP_SESSIONS]
    priced = grouped_totals(run_query, ["agent", "session"], start_ms=start_ms, end_ms=end_ms, filters=filters,
                            prices=prices, pairs=[(r[0], r[1]) for r in ranked]) if ranked else {}
    top_sessions = [((a, sid), priced.get((a, f"{a}{SEP}{sid}"), Totals())) for a, sid, _, _ in ranked]
    sessions = counts

    meta_pairs = [k for k, _ in top_sessions]
    if "session" in by:
        i = list(by).index("session")
        meta_pairs += [tuple(k[i].split(SEP, 1)) for k in groups]
    meta = session_meta(run_query, meta_pairs)

    data: dict = {
        "window": {**_window_json(window, tz), "kind": window.kind, "title": window.title,
                   "timeZone": tz_name, "timeZoneSource": tz_source},
        "now": now.astimezone(tz).isoformat(),
        "demo": demo,
        "by": list(by),
        "filters": filters.as_json(),
        "totals": {**totals.as_json(), "sessions": len(sessions)},
        "rows": build_rows(groups, by, top=top, tz=tz, meta=meta),
        "comparison": None,
        "daily": None,
        "topSessions": [],
        "lastUsage": None,
        "freshness": dict(freshness or {}),
        "notes": [],
    }
    for (agent, sid), t in top_sessions:
        m = meta.get((agent, sid), {})
        data["topSessions"].append({
            "agent": agent, "sessionId": sid, "sessionKey": m.get("sessionKey"), "channel": m.get("channel"),
            "label": m.get("label"), "title": session_title(agent, sid, m), "trigger": None,
            **{k: v for k, v in t.as_json().items() if k in ("calls", "totalTokens", "cost", "unpricedTokens")},
        })
    for s in data["topSessions"]:
        s["trigger"] = trigger_of(s["sessionKey"])

    if previous is not None:
        prev = Totals()
        for t in grouped_totals(run_query, [], start_ms=previous.start_ms, end_ms=previous.end_ms,
                                filters=filters, prices=prices).values():
            prev.add(t)
        data["comparison"] = {
            **_window_json(previous, tz), "title": previous.title,
            "totalTokens": prev.total_tokens, "cost": None if prev.known_cost is None else round(prev.known_cost, COST_DIGITS),
            "calls": prev.calls,
            "deltaPct": {"totalTokens": _delta(totals.total_tokens, prev.total_tokens),
                         "cost": _delta(totals.known_cost, prev.known_cost)},
        }

    if window.multi_day:
        day_groups = project(fine, [dims.index("day")])
        epoch = dt.date(1970, 1, 1)
        last_day = now.astimezone(tz).date()
        series = []
        # an open-ended range (only --until) starts at the first day with usage, not in 1970
        first_day = min((epoch + dt.timedelta(days=k[0]) for k, t in day_groups.items() if t.calls), default=None) \
            if window.start.year <= 1970 else None
        for day in local_days(window.start if first_day is None else local_midnight(first_day, tz), window.end, tz):
            if day > last_day and not day_groups.get(((day - epoch).days,)):
                break
            t = day_groups.get(((day - epoch).days,), Totals())
            cost = t.known_cost
            series.append({"date": day.isoformat(), "totalTokens": t.total_tokens,
                           "cost": None if cost is None else round(cost, COST_DIGITS)})
        data["daily"] = series

    if totals.calls == 0 and last_window is not None:
        last_ms = last_usage_ms(run_query, before_ms=start_ms, filters=filters)
        if last_ms is not None:
            lw = last_window(from_ms(last_ms, tz))
            lt = Totals()
            for t in grouped_totals(run_query, [], start_ms=lw.start_ms, end_ms=lw.end_ms, filters=filters, prices=prices).values():
                lt.add(t)
            data["lastUsage"] = {**_window_json(lw, tz), "kind": lw.kind, "at": from_ms(last_ms, tz).isoformat(),
                                 "totalTokens": lt.total_tokens, "calls": lt.calls,
                                 "cost": None if lt.known_cost is None else round(lt.known_cost, COST_DIGITS)}

    data["notes"] = build_notes(by_provider, unpriced_models, totals, freshness or {})
    return data


def build_notes(by_provider: Mapping[str, Totals], unpriced_models: Mapping[str, int], totals: Totals,
                freshness: Mapping) -> list[dict]:
    """At most three notes, most useful first."""
    from .render import human_tokens   # formatting of numbers inside note text

    notes = []
    zero = []
    for provider, t in sorted(by_provider.items(), key=lambda kv: (-(kv[1].no_usage + kv[1].failed), kv[0])):
        parts = []
        if t.no_usage:
            parts.append(f"{_plural(t.no_usage, 'call')} returned no usage")
        if t.failed:
            parts.append(f"{t.failed} failed")
        if parts:
            zero.append(f"{provider}: {', '.join(parts)}")
    if zero:
        notes.append({"code": "zero-usage", "text": "; ".join(zero)})
    if totals.unpriced_tokens:
        models = sorted(unpriced_models, key=lambda m: -unpriced_models[m])
        names = ", ".join(m.partition("/")[2] for m in models[:2]) + (f" +{len(models) - 2}" if len(models) > 2 else "")
        notes.append({"code": "unpriced",
                      "text": f"{human_tokens(totals.unpriced_tokens)} {'token' if totals.unpriced_tokens == 1 else 'tokens'} "
                              f"unpriced: no price for {names}"})
    malformed, unreadable = int(freshness.get("malformed") or 0), int(freshness.get("unreadable") or 0)
    age = freshness.get("ageSeconds")
    if freshness.get("lastCollect") is None and not freshness.get("collectedNow"):
        notes.append({"code": "freshness", "text": "never collected: run token-monitor collect"})
    elif malformed or unreadable:
        # What the latest collect found, not every problem ever recorded: a malformed line read
        # last week was reported then and is not news on each later report.
        run = "this collect" if freshness.get("collectedNow") else "the last collect"
        notes.append({"code": "freshness", "text": f"{_plural(malformed, 'malformed record')}, "
                                                   f"{_plural(unreadable, 'unreadable source')} on {run} "
                                                   "— see: token-monitor diagnose"})
    elif age is not None and age > 3600 and not freshness.get("collectedNow"):
        notes.append({"code": "freshness", "text": f"data is {_age(age)} old (last collect); run without --no-collect"})
    if len(notes) < 3 and pricing.ESTIMATED in totals.cost:
        notes.append({"code": "estimated", "text": "est = estimated from openclaw.json prices"})
    return notes[:3]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _age(seconds: int) -> str:
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def session_rows(run_query: RunQuery, *, start_ms: int | None, end_ms: int | None, filters: Filters,
                 prices, tz: dt.tzinfo) -> list[dict]:
    """Every session with usage in the range: totals, first/last call, label, trigger."""
    rollup = getattr(run_query, "rollup", False)
    sql, params = usage_sql(["agent", "session"], start_ms=start_ms, end_ms=end_ms, filters=filters, rollup=rollup)
    sessions: dict[tuple[str, str], Totals] = {}
    for row in run_query(sql, params):
        agent, skey, provider, model, cls = row[:5]
        sessions.setdefault((agent, skey.partition(SEP)[2]), Totals()).add(price_group(provider, model, cls, row[5:5 + N_SUMS], prices))
    where, wparams = _where(None, None, filters)
    join = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id" if filters.sessions else ""
    source, sparams = _source_sql(start_ms, end_ms, rollup=rollup)
    spans = {(a, s): (lo, hi) for a, s, lo, hi in run_query(
        f"SELECT e.agent, e.session_id, MIN(e.min_ts), MAX(e.max_ts) FROM {source} e{join}{where} GROUP BY 1, 2", sparams + wparams)}
    meta = session_meta(run_query, sessions)
    out = []
    for (agent, sid), t in sessions.items():
        m = meta.get((agent, sid), {})
        lo, hi = spans.get((agent, sid), (None, None))
        out.append({"agent": agent, "sessionId": sid, "sessionKey": m.get("sessionKey"), "channel": m.get("channel"),
                    "label": m.get("label"), "title": session_title(agent, sid, m), "trigger": trigger_of(m.get("sessionKey")),
                    "firstCall": from_ms(lo, tz).isoformat() if lo is not None else None,
                    "lastCall": from_ms(hi, tz).isoformat() if hi is not None else None,
                    "lastCallMs": hi, **t.as_json()})
    return out
