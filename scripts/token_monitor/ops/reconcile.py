"""Match an old token log's lines against the ledger's calls, call by call (pure).

A line and a ledger call are compatible when every field the line has agrees —
time within `TOLERANCE_MS`, session and agent when present, provider (when present) and model up
to aliases, input (with or without cache tokens), output, cache fields when present, and a total
with or without cache tokens; a zero-token line only with a call that has no usage (a failed or
no-usage turn). Lines and calls are then paired by a maximum matching (nearest first, augmenting
paths where two lines compete): one call matches at most one line and the other way round. An
unmatched line carries the reason its nearest candidate did not match.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
import re
from typing import Mapping

from ..sources.legacy_log import LegacyCall, StatedTokens

TOLERANCE_MS = 15 * 60 * 1000
DIFFERENCE_LABELS = ("input", "output", "cacheRead", "cacheWrite", "total")     # StatedTokens' order


# ---------------------------------------------------------------- matching (pure)

_DATED = re.compile(r"-(20\d{6})$")


def model_alias(name: str) -> str:
    """One spelling per model: lower case, no provider prefix, '.' as '-', no Anthropic date suffix."""
    n = name.lower().rsplit("/", 1)[-1].replace(".", "-")
    return _DATED.sub("", n)


def _fmt_gap(ms: int) -> str:
    s = abs(ms) // 1000
    if s < 120:
        return f"{s} s"
    if s < 7200:
        return f"{s // 60} min"
    if s < 172800:
        return f"{s // 3600} h"
    return f"{s // 86400} days"


def mismatches(c: LegacyCall, e: Mapping, *, tolerance_ms: int = TOLERANCE_MS) -> list[str]:
    """Why line `c` cannot be call `e`: one phrase per field the line has that disagrees ([] = compatible)."""
    why = []
    gap = e["ts_ms"] - c.ts_ms
    if abs(gap) > tolerance_ms:
        why.append(f"{_fmt_gap(gap)} apart")
    if c.session and c.session not in (e.get("session_id"), e.get("session_key")):
        why.append("another session")
    if c.agent and c.agent != e.get("agent"):
        why.append(f"agent {e.get('agent')}")
    if c.provider and c.provider != e["provider"]:
        why.append(f"provider {e['provider']}")
    if model_alias(c.model) != model_alias(e["model"]):
        why.append(f"model {e['model']}")
    e_cache = e["cache_read"] + e["cache_write"]
    e_total = e["total_tokens"]
    if c.no_usage:
        if e_total:
            why.append(f"the call has {e_total:,} tokens, the line none")
        return why
    if not e_total:
        why.append("the call has no usage")
        return why
    # What the line states must be what the call has; a log may fold cache into input, or total only
    # input + output.
    agrees = {"input": (e["input"], e["input"] + e_cache), "total_tokens": (e_total, e["input"] + e["output"])}
    for field, label, stated in zip(StatedTokens._fields, DIFFERENCE_LABELS, c.stated):
        if stated is not None and stated not in agrees.get(field, (e[field],)):
            why.append(f"{label} {stated:,} ≠ {e[field]:,}")
    return why


def _assign(edges: dict[int, list[tuple[int, int]]]) -> dict[int, int]:
    """A maximum matching of lines to calls (one call per line, one line per call).

    `edges`: line index -> [(call index, gap ms)]. Each line first takes its nearest free call (lines
    with the nearest candidates first), which settles nearly every real log; a line left without one
    then gets an augmenting path (BFS, nearer calls tried first) that re-seats earlier lines on their
    other candidates — so no line is reported unmatched while a one-to-one pairing for it exists."""
    match_line: dict[int, int] = {}
    match_call: dict[int, int] = {}
    order = sorted(edges, key=lambda i: (min((g for _, g in edges[i]), default=math.inf), i))
    for li in order:
        for call, _ in sorted(edges[li], key=lambda t: t[1]):
            if call not in match_call:
                match_line[li], match_call[call] = call, li
                break
    for start in order:
        if start in match_line or not edges[start]:
            continue
        prev: dict[int, int] = {}          # call -> the line that reached it
        seen_lines = {start}
        queue = [start]
        free = None
        while queue and free is None:
            nxt = []
            for li in queue:
                for call, _ in sorted(edges[li], key=lambda t: t[1]):
                    if call in prev:
                        continue
                    prev[call] = li
                    owner = match_call.get(call)
                    if owner is None:
                        free = call
                        break
                    if owner not in seen_lines:
                        seen_lines.add(owner)
                        nxt.append(owner)
                if free is not None:
                    break
            queue = nxt
        call = free
        while call is not None:                 # flip the path: each line takes the call it reached
            li = prev[call]
            old = match_line.get(li)
            match_line[li], match_call[call] = call, li
            call = old
    return match_line


@dataclasses.dataclass
class Reconciliation:
    matched: int                        # lines paired with a call (with or without usage)
    matched_no_usage: int               # of those: zero-token lines paired with a no-usage call
    openclaw_own: list[LegacyCall]      # zero-token lines that are OpenClaw's own messages, not calls
    missed_by_legacy: list[dict]        # ledger calls with tokens the old log lacks
    only_in_legacy: list[dict]          # {"call": LegacyCall, "reason": str, "nearest": event|None}
    by_day_model: list[dict]            # per day x provider/model: counts and tokens on both sides
    pairs: list[tuple[LegacyCall, Mapping]]
    window: tuple[int | None, int | None]
    missed_summary: dict                # summarize_missed of the missed calls among the window's calls

    @property
    def missed_tokens(self) -> int:
        return sum(e["total_tokens"] for e in self.missed_by_legacy)

    @property
    def only_legacy_tokens(self) -> int:
        return sum(o["call"].tokens for o in self.only_in_legacy)

    def differing_rows(self) -> list[dict]:
        """The day x model rows where the two sides differ, most differing calls first."""
        diff = [r for r in self.by_day_model if r["missedCalls"] or r["onlyLegacyCalls"]]
        return sorted(diff, key=lambda r: (-(r["missedCalls"] + r["onlyLegacyCalls"]), r["day"], r["model"]))


def _day(ts_ms: int, tz: dt.tzinfo) -> str:
    return dt.datetime.fromtimestamp(ts_ms / 1000, tz).strftime("%Y-%m-%d")


def _day_start_ms(day: str, tz: dt.tzinfo, plus_days: int = 0) -> int:
    start = dt.datetime.fromisoformat(day).replace(tzinfo=tz) + dt.timedelta(days=plus_days)
    return int(start.timestamp() * 1000)


def reconcile(calls: list[LegacyCall], events: list[Mapping], *, tz: dt.tzinfo = dt.timezone.utc,
              since_ms: int | None = None, until_ms: int | None = None,
              tolerance_ms: int = TOLERANCE_MS) -> Reconciliation:
    """Pair old-log lines with ledger calls (`events`: ledger rows with `key`, `agent`, `session_id`,
    `session_key`, `provider`, `model`, `ts_ms` and the four counts plus `total_tokens`; rows without
    usage included). The compared window defaults to the old log's own span by day, so calls from
    before it was installed or after it stopped are not listed as missed."""
    if calls and since_ms is None:
        since_ms = _day_start_ms(_day(min(c.ts_ms for c in calls), tz), tz)
    if calls and until_ms is None:
        until_ms = _day_start_ms(_day(max(c.ts_ms for c in calls), tz), tz, 1)
    in_window = [e for e in events
                 if (since_ms is None or e["ts_ms"] >= since_ms) and (until_ms is None or e["ts_ms"] < until_ms)]
    # candidates: events sorted by time, scanned within the tolerance of each line
    by_time = sorted(range(len(events)), key=lambda i: events[i]["ts_ms"])
    times = [events[i]["ts_ms"] for i in by_time]
    own = [c for c in calls if c.openclaw_own]
    lines = [c for c in calls if not c.openclaw_own]
    edges: dict[int, list[tuple[int, int]]] = {}
    for li, c in enumerate(lines):
        lo = bisect.bisect_left(times, c.ts_ms - tolerance_ms)
        hi = bisect.bisect_right(times, c.ts_ms + tolerance_ms)
        edges[li] = [(by_time[k], abs(events[by_time[k]]["ts_ms"] - c.ts_ms)) for k in range(lo, hi)
                     if not mismatches(c, events[by_time[k]], tolerance_ms=tolerance_ms)]
    assignment = _assign(edges)
    used = set(assignment.values())
    pairs = [(lines[li], events[ei]) for li, ei in sorted(assignment.items())]

    only: list[dict] = []
    for li, c in enumerate(lines):
        if li in assignment:
            continue
        only.append(_explain(c, events, by_time, times, edges.get(li, []), assignment, lines, tolerance_ms))
    missed = [dict(e) for i, e in enumerate(events)
              if i not in used and e["total_tokens"] > 0
              and (since_ms is None or e["ts_ms"] >= since_ms) and (until_ms is None or e["ts_ms"] < until_ms)]

    table: dict[tuple[str, str, str], dict] = {}

    def row(day, provider, model):
        return table.setdefault((day, provider or "(unknown)", model), {
            "day": day, "provider": provider or "(unknown)", "model": model,
            "ledgerCalls": 0, "ledgerTokens": 0, "legacyCalls": 0, "legacyTokens": 0,
            "missedCalls": 0, "missedTokens": 0, "onlyLegacyCalls": 0, "onlyLegacyTokens": 0})
    # (day, provider, model, tokens) of each counted item; a matched line counts under its call's
    # names (the log may spell the model differently), an unmatched one under its own
    billed = [e for e in in_window if e["total_tokens"] > 0]
    matched_calls = [e for c, e in pairs if c.tokens]
    unmatched = [o["call"] for o in only if o["call"].tokens]
    events_view = [(e["ts_ms"], e["provider"], e["model"], e["total_tokens"]) for e in billed]
    for items, names in ((events_view, ("ledger",)),
                         ([(e["ts_ms"], e["provider"], e["model"], e["total_tokens"]) for e in matched_calls], ("legacy",)),
                         ([(e["ts_ms"], e["provider"], e["model"], e["total_tokens"]) for e in missed], ("missed",)),
                         ([(c.ts_ms, c.provider, c.model, c.tokens) for c in unmatched], ("legacy", "onlyLegacy"))):
        for ts_ms, provider, model, tokens in items:
            r = row(_day(ts_ms, tz), provider, model)
            for name in names:
                r[f"{name}Calls"] += 1
                r[f"{name}Tokens"] += tokens
    missed.sort(key=lambda e: (e["ts_ms"], e["key"]))
    return Reconciliation(
        matched=len(pairs), matched_no_usage=sum(1 for c, _ in pairs if c.no_usage), openclaw_own=own,
        missed_by_legacy=missed,
        only_in_legacy=sorted(only, key=lambda o: (o["call"].ts_ms, o["call"].line)),
        by_day_model=[table[k] for k in sorted(table)], pairs=pairs, window=(since_ms, until_ms),
        missed_summary=summarize_missed(missed, in_window, tz=tz))


def _explain(c: LegacyCall, events, by_time, times, compatible, assignment, lines, tolerance_ms) -> dict:
    """Why line `c` has no partner: its compatible calls are all taken, or its nearest call differs."""
    if compatible:
        taken_by = {ei: li for li, ei in assignment.items()}
        ei = min(compatible, key=lambda t: t[1])[0]
        other = lines[taken_by[ei]] if ei in taken_by else None
        reason = (f"its call is already matched to line {other.line} (same tokens)" if other
                  else "ambiguous")
        return {"call": c, "reason": reason, "nearest": dict(events[ei])}
    if not times:
        return {"call": c, "reason": "the ledger has no calls", "nearest": None}
    k = bisect.bisect_left(times, c.ts_ms)
    near = [by_time[j] for j in (k - 1, k) if 0 <= j < len(times)]
    # prefer the nearest call of the same model, else the nearest call at all
    same = [events[by_time[j]] for j in range(max(0, k - 50), min(len(times), k + 50))
            if model_alias(events[by_time[j]]["model"]) == model_alias(c.model)]
    nearest = min(same or [events[i] for i in near], key=lambda e: abs(e["ts_ms"] - c.ts_ms))
    why = mismatches(c, nearest, tolerance_ms=tolerance_ms)
    when = dt.datetime.fromtimestamp(nearest["ts_ms"] / 1000, dt.timezone.utc).strftime("%H:%M:%S")
    reason = (f"nearest call ({nearest['model']} at {when} UTC, {_fmt_gap(nearest['ts_ms'] - c.ts_ms)} away): "
              + ", ".join(why or ["ambiguous"]))
    if abs(nearest["ts_ms"] - c.ts_ms) > tolerance_ms:
        reason = f"no {c.model} call within {_fmt_gap(tolerance_ms)}; " + reason
    return {"call": c, "reason": reason, "nearest": dict(nearest)}


# ---------------------------------------------------------------- the summary a user asked for

def _short_day(day: str, same_year: bool) -> str:
    return day[5:] if same_year else day


def summarize_missed(missed: list[Mapping], events_in_window: list[Mapping], *, tz: dt.tzinfo) -> dict:
    """Group the missed calls the way the question was asked: "all glm-4.5-air calls of 12-17 and
    3 others". A (model, day) group is "all" when the old log has none of that day's calls of
    that model; other missed calls are counted as "others" (and listed one by one elsewhere)."""
    have: dict[tuple[str, str], int] = {}
    for e in events_in_window:
        if e["total_tokens"] > 0:
            k = (e["model"], _day(e["ts_ms"], tz))
            have[k] = have.get(k, 0) + 1
    miss: dict[tuple[str, str], list[Mapping]] = {}
    for e in missed:
        miss.setdefault((e["model"], _day(e["ts_ms"], tz)), []).append(e)
    years = {d[:4] for _, d in have} | {d[:4] for _, d in miss}
    same_year = len(years) <= 1
    complete: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    others: list[Mapping] = []
    for (model, day), rows in sorted(miss.items()):
        if len(rows) == have.get((model, day), 0):
            complete.setdefault(model, []).append(day)
            counts[model] = counts.get(model, 0) + len(rows)
        else:
            others.extend(rows)
    parts = []
    for model in sorted(complete, key=lambda m: (-counts[m], m)):
        days = [_short_day(d, same_year) for d in complete[model]]
        day_text = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " and " + days[-1]
        parts.append(f"all {model} calls of {day_text} ({counts[model]})")
    if others:
        n = len(others)
        parts.append(f"{n} other{'s' if n != 1 else ''}" if parts else f"{n} call{'s' if n != 1 else ''}")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""
    agents_missed = sorted({e["agent"] for e in missed})
    agents_logged = sorted({e["agent"] for e in events_in_window if e["total_tokens"] > 0} - set(agents_missed))
    per_agent: dict[str, list[int]] = {}
    for e in events_in_window:
        if e["total_tokens"] > 0:
            per_agent.setdefault(e["agent"], [0, 0])[0] += 1
    for e in missed:
        per_agent.setdefault(e["agent"], [0, 0])[1] += 1
    # an agent none of whose calls the log has: often the whole reason ("the hook read agent main only")
    unlogged = [{"agent": a, "calls": n} for a, (n, m) in sorted(per_agent.items()) if n and n == m]
    return {"text": text,
            "allOfDay": [{"model": m, "days": complete[m], "calls": counts[m]} for m in sorted(complete)],
            "others": len(others), "agentsMissed": agents_missed, "agentsLogged": agents_logged,
            "agentsWithoutLines": unlogged}

