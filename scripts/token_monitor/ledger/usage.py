"""The named queries reports, budgets and alerts ask of the ledger: usage grouped by any dimensions
over a `ts_ms` range, session counts, spans and metadata, and what a filter matches.

Every query reads rows from `_source_sql` (events and hourly rollup rows) or `_cube_source` (events,
rollup_hour and the block rollups of schema.CUBES), whichever holds the dimensions it needs with the
fewest rows; each row carries its cost class (classify.COST_CLASS_SQL) so cost can be priced per
(provider, model, class) group afterwards. Local days and hours are computed in SQL from the zone's
offset segments (periods.offset_segments), so DST days have 23 or 25 hourly buckets.

No I/O of its own: callers pass `run_query(sql, params) -> rows` (a LedgerQuery, or a connection's
`execute`).
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..collect.normalize import normalize_provider
from ..ledger.classify import (
    COST_CLASS_SQL,
    SESSION_JOIN,
    TRIGGER_CLASS_SQL,
    fold,
)
from ..ledger.schema import CUBES, HOUR_MS
from ..model import Filters

TIME_DIMS = ("day", "hour")
SEP = "\x1f"
RunQuery = Callable[[str, Sequence], Iterable[tuple]]

# The cost class (B provider-billed, R recorded, Z no tokens, P priced by us) is computed per
# event by ledger.COST_CLASS_SQL, mirroring pricing.resolve_cost; every query reads rows from
# `_source_sql` (events and hourly rollup rows) or `_cube_source` (events, rollup_hour and the
# block rollups of ledger.CUBES), whichever holds the dimensions it needs with the fewest rows.
SUMS_SQL = (
    "SUM(e.calls), SUM(e.input), SUM(e.output), SUM(e.cache_read), SUM(e.cache_write), SUM(e.total_tokens), "
    "SUM(e.cost_total), SUM(e.no_usage), SUM(e.failed)"
)
N_SUMS = 9


# --------------------------------------------------------------------------- SQL
def _dim_sql(dim: str, segments: list[tuple[int, int]], *, cube: str | None = None) -> str:
    if dim == "trigger" and cube is not None:
        return "e.trig"
    if dim == "model":
        return "e.provider || '/' || e.model"
    if dim in ("provider", "agent"):
        return f"e.{dim}"
    if dim == "session":
        return "e.agent || char(31) || e.session_id"
    if dim == "channel":
        return "COALESCE(s.channel, '')"
    if dim == "host":
        return HOST_NAME_SQL
    if dim == "trigger":
        return TRIGGER_CLASS_SQL
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
    "(total_tokens = 0 AND usage_status IN ('error', 'aborted')) AS failed, ts_ms AS min_ts, ts_ms AS max_ts, host "
    "FROM events WHERE "
)
_EVENT_ROWS = _EVENT_COLS + "ts_ms >= ? AND ts_ms < ?"
_ROLLUP_ROWS = (
    "SELECT hour_ms AS ts_ms, agent, session_id, provider, model, cls, trigger, calls, input, output, cache_read, "
    "cache_write, total_tokens, cost_total, no_usage, failed, min_ts, max_ts, NULL AS host FROM rollup_hour "
    "WHERE hour_ms >= ? AND hour_ms < ?"
)
_FAR = 1 << 62
# Rollups do not keep the host: a breakdown or filter by host reads events (see `_by_host`).
HOST_NAME_SQL = "COALESCE((SELECT h.name FROM hosts h WHERE h.key = e.host), e.host)"


def _by_host(dims: Sequence[str], filters: Filters) -> bool:
    return "host" in dims or bool(filters.hosts)


def _source_sql(start_ms: int | None, end_ms: int | None, *, rollup: bool,
                segments: Sequence[tuple[int, int]] = ()) -> tuple[str, list]:
    """Rows for [start_ms, end_ms): whole UTC hours from the rollup, the partial edge hours from events.

    Rollup rows stand at their hour's start, so they are only used when every local offset in the
    window is a whole number of hours (true for nearly every zone; +05:30 reads events)."""
    lo = -_FAR if start_ms is None else start_ms
    hi = _FAR if end_ms is None else end_ms
    events = _EVENT_ROWS.format(cls=COST_CLASS_SQL)
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
    cols = _EVENT_COLS.format(cls=COST_CLASS_SQL).replace("FROM events WHERE ", "")
    values = ", ".join(["(?, ?)"] * len(pairs))
    return (f"({cols} FROM (VALUES {values}) p CROSS JOIN events ON agent = p.column1 AND session_id = p.column2 "
            "AND ts_ms >= ? AND ts_ms < ?)"), [v for pair in pairs for v in pair] + [lo, hi]


_NEEDS = {"model": {"provider", "model"}, "provider": {"provider"}, "agent": {"agent"}, "trigger": {"trig"},
          "day": set(), "hour": set(), "session": {"session"}, "channel": {"session"}, "host": {"host"}}


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
    if filters.hosts:
        need.add("host")
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
    join = SESSION_JOIN if "trig" in cube.dims else ""

    def cols(ts: str, *, events: bool, stored: bool = False) -> str:
        out = [f"{ts} AS ts_ms"]
        for d in cube.dims:
            if d == "trig" and not stored:
                out.append(f"{TRIGGER_CLASS_SQL} AS trig")
            else:
                out.append(f"{COST_CLASS_SQL if d == 'cls' and events else 'e.' + d} AS {d}")
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


def _session_join(filters: Filters) -> str:
    return SESSION_JOIN if filters.sessions else ""


def _needs_join(dims: Sequence[str], filters: Filters) -> bool:
    return bool({"channel", "trigger"} & set(dims)) or bool(filters.sessions)


def provider_keys(provider: str) -> list[str]:
    """What `--provider X` matches: X in any case, and the id the collector stores for it
    (normalize.normalize_provider: kimi-coding -> kimi, z-ai -> zai)."""
    return sorted({fold(provider), fold(normalize_provider(provider))})


def _time_conditions(start_ms: int | None, end_ms: int | None) -> tuple[list[str], list]:
    where, params = [], []
    if start_ms is not None:
        where.append("e.ts_ms >= ?")
        params.append(start_ms)
    if end_ms is not None:
        where.append("e.ts_ms < ?")
        params.append(end_ms)
    return where, params


def time_where(start_ms: int | None, end_ms: int | None) -> tuple[str, list]:
    """' WHERE' over `e.ts_ms` in [start_ms, end_ms) (either end open when None), or ''."""
    where, params = _time_conditions(start_ms, end_ms)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _where(start_ms: int | None, end_ms: int | None, filters: Filters) -> tuple[str, list]:
    """Filter conditions over `e` (events, rollup_hour or a block rollup: each has agent, provider,
    model and session_id columns) and `s` (sessions, joined only for a session filter).

    Names are matched ignoring case: people type `--agent Main` for the agent OpenClaw calls `main`."""
    where, params = _time_conditions(start_ms, end_ms)
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
    if filters.hosts:
        # A host by its name (any case) or its id or id prefix (`export` shows ids as `hostId`).
        conds = []
        for h in filters.hosts:
            conds.append("lower(name) = ? OR (length(?) >= 6 AND host_id LIKE ? || '%')")
            params.extend([fold(h), h, h.replace("%", "").replace("_", "")])
        where.append(f"e.host IN (SELECT key FROM hosts WHERE {' OR '.join(conds)})")
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
                        ("session", filters.sessions), ("host", filters.hosts)):
        missing = []
        for v in values:
            one = Filters(**{dim + "s": (v,)})
            where, params = _where(None, None, one)
            join = SESSION_JOIN if dim == "session" else ""
            if not list(run_query(f"SELECT 1 FROM events e{join}{where} LIMIT 1", params)):
                missing.append(v)
        if not missing:
            continue
        names = ", ".join(repr(v) for v in missing)
        if dim == "session":
            out.append(f"no session matching {names} in the ledger (list them: token-monitor sessions)")
            continue
        head = f"no {dim} {names} in the ledger"
        expr = HOST_NAME_SQL if dim == "host" else f"e.{dim}"
        known = [r[0] for r in run_query(f"SELECT {expr} FROM events e GROUP BY 1 ORDER BY SUM(e.total_tokens) DESC, 1", [])]
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
    rollup = rollup and not _by_host(dims, filters)
    cube = None
    if rollup and not pairs and start_ms is not None and end_ms is not None \
            and not (time_dims and any(off % HOUR_MS for _, off in segs)):
        cube = _cube_for(dims, filters)
    exprs = [_dim_sql(d, segs, cube=cube) for d in dims]
    join = SESSION_JOIN if _needs_join(dims, filters) else ""
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


def session_counts(run_query: RunQuery, *, start_ms: int | None, end_ms: int | None, filters: Filters) -> list[tuple]:
    """[(agent, session_id, calls, total_tokens)] for every session with a call in the range."""
    where, params = _where(None, None, filters)
    join = _session_join(filters)
    rollup = getattr(run_query, "rollup", False) and not _by_host((), filters)
    if rollup and start_ms is not None and end_ms is not None and _cube_for([], filters, choices=("session",)):
        source, sparams = _cube_source("session", start_ms, end_ms), []
    else:
        source, sparams = _source_sql(start_ms, end_ms, rollup=rollup)
    return list(run_query(f"SELECT e.agent, e.session_id, SUM(e.calls), SUM(e.total_tokens) FROM {source} e{join}{where} GROUP BY 1, 2",
                          sparams + params))


def last_usage_ms(run_query: RunQuery, *, before_ms: int | None, filters: Filters) -> int | None:
    where, params = _where(None, before_ms, filters)
    join = _session_join(filters)
    extra = (" AND " if where else " WHERE ") + "e.total_tokens > 0"
    rows = list(run_query(f"SELECT MAX(e.ts_ms) FROM events e{join}{where}{extra}", params))
    return rows[0][0] if rows and rows[0][0] is not None else None


def session_spans(run_query: RunQuery, *, start_ms: int | None, end_ms: int | None,
                  filters: Filters) -> dict[tuple[str, str], tuple[int, int]]:
    """(agent, session_id) -> (first, last) call ms in the range."""
    where, params = _where(None, None, filters)
    source, sparams = _source_sql(start_ms, end_ms, rollup=getattr(run_query, "rollup", False) and not _by_host((), filters))
    return {(a, s): (lo, hi) for a, s, lo, hi in run_query(
        f"SELECT e.agent, e.session_id, MIN(e.min_ts), MAX(e.max_ts) FROM {source} e{_session_join(filters)}{where} "
        "GROUP BY 1, 2", sparams + params)}


def tokens_between(run_query: RunQuery, start_ms: int, end_ms: int) -> int:
    for (n,) in run_query("SELECT COALESCE(SUM(total_tokens), 0) FROM events WHERE ts_ms >= ? AND ts_ms < ?", (start_ms, end_ms)):
        return int(n)
    return 0


def usage_status_by_provider(run_query: RunQuery, start_ms: int, end_ms: int) -> dict[str, tuple[int, int]]:
    """provider -> (calls with usage, calls whose usage was missing) in [start_ms, end_ms)."""
    return {p: (ok, missing) for p, ok, missing in run_query(
        "SELECT provider, SUM(usage_status = 'ok'), SUM(usage_status = 'missing') FROM events "
        "WHERE ts_ms >= ? AND ts_ms < ? GROUP BY provider", (start_ms, end_ms))}


def tokens_by_trigger(run_query: RunQuery, start_ms: int, end_ms: int) -> dict[str, int]:
    """trigger class -> tokens in [start_ms, end_ms)."""
    return {trig: int(n) for trig, n in run_query(
        f"SELECT {TRIGGER_CLASS_SQL}, COALESCE(SUM(e.total_tokens), 0) FROM events e{SESSION_JOIN} "
        "WHERE e.ts_ms >= ? AND e.ts_ms < ? GROUP BY 1", (start_ms, end_ms))}


def session_bounds(run_query: RunQuery, agent: str, session_id: str) -> tuple[int | None, int | None]:
    """(first, last) call ms of one session."""
    for lo, hi in run_query("SELECT MIN(ts_ms), MAX(ts_ms) FROM events WHERE agent = ? AND session_id = ?", (agent, session_id)):
        return lo, hi
    return None, None


def session_hosts(run_query: RunQuery, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(agent, session id) -> host name(s), only when the ledger holds more than one host (else {})."""
    if len(list(run_query("SELECT DISTINCT host FROM events LIMIT 2", []))) < 2:
        return {}
    pairs = list(dict.fromkeys(pairs))
    out: dict[tuple[str, str], str] = {}
    for i in range(0, len(pairs), 400):
        chunk = pairs[i:i + 400]
        cond = " OR ".join(["(e.agent = ? AND e.session_id = ?)"] * len(chunk))
        for agent, sid, names in run_query(
                f"SELECT e.agent, e.session_id, group_concat(DISTINCT {HOST_NAME_SQL}) FROM events e WHERE {cond} GROUP BY 1, 2",
                [v for p in chunk for v in p]):
            out[(agent, sid)] = ",".join(sorted(names.split(",")))
    return out


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


def session_directory(run_query: RunQuery) -> list[tuple[str, str, str | None, str | None]]:
    """(agent, session_id, session_key, label) of every session the ledger has metadata for."""
    return [tuple(r) for r in run_query("SELECT agent, session_id, session_key, label FROM sessions", ())]
