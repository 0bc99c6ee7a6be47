"""Turn ledger usage into a report: totals, a one- or two-level breakdown, the previous period,
a daily series, top sessions and notes — as a plain JSON-ready dict that `render` formats.

No I/O and no clock of its own: the caller passes `run_query(sql, params) -> rows`, `now` and
the zone. Every breakdown folds its tail into a "+N more" row, so row sums always equal totals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable, Iterable, Mapping, Sequence

from ..errors import UsageError
from ..ledger import classify
from ..ledger.classify import (
    TRIGGERS,
    trigger_class,
)
from ..ledger.usage import (
    SEP,
    TIME_DIMS,
    RunQuery,
    _cube_for,
    last_usage_ms,
    session_counts,
    session_directory,
    session_hosts,
    session_meta,
    session_spans,
)
from ..model import Filters, Price
from .names import MIN_PREFIX, SessionNames
from .periods import Window, from_ms, is_open_start, local_days, local_midnight, offset_segments, projection_factor
from .render import cost_marker, days_label
from .totals import COST_DIGITS, Totals, grouped_totals, project
from .words import age_text, human_cost, human_tokens, plural

DIMENSIONS = ("model", "provider", "agent", "session", "day", "hour", "channel", "trigger", "host")
DEFAULT_TOP = 25
TOP_SESSIONS = 5


def parse_by(text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    parts = tuple(p.strip().lower() for p in text.split(",") if p.strip())
    bad = [p for p in parts if p not in DIMENSIONS]
    if bad or not parts or len(parts) > 2 or len(set(parts)) != len(parts):
        raise UsageError(f"--by: cannot use {text!r}",
                         hint="one or two of " + "|".join(DIMENSIONS) + ", e.g. --by agent,model")
    return parts


# --------------------------------------------------------------------------- labels
def session_names(run_query: RunQuery, *, show_ids: bool = False, extra: Iterable[tuple[str, str]] = ()) -> SessionNames:
    """Unique titles for every session the ledger knows (plus `extra` pairs it has no metadata for)."""
    return SessionNames(session_directory(run_query) + [(a, sid, None, None) for a, sid in extra], show_ids=show_ids)


def with_all_sessions(run_query: RunQuery, names: SessionNames) -> SessionNames:
    """`names` widened to every session with a call, also those without metadata (titled by short id):
    a full scan, so only when a name was not found among the sessions with metadata."""
    pairs = [(a, sid) for a, sid, _, _ in session_counts(run_query, start_ms=None, end_ms=None, filters=Filters())]
    return session_names(run_query, show_ids=names.show_ids, extra=pairs)


def resolve_session_filters(run_query: RunQuery, filters: Filters, names: SessionNames | None = None) -> Filters:
    """`--session` values as the session ids they name (titles as printed, masked or not, keys, labels,
    ids, prefixes); a value that names nothing the ledger has metadata for is kept for the SQL match."""
    if not filters.sessions:
        return filters
    names = names or session_names(run_query)
    out: list[str] = []
    for value in filters.sessions:
        pairs = names.resolve(value) or with_all_sessions(run_query, names).resolve(value)
        if pairs:
            out += [sid for _, sid in pairs]
        else:       # `agent/<short id>`, the title of a session without metadata: its id prefix
            agent, slash, rest = value.partition("/")
            out.append(rest if slash and len(rest) >= MIN_PREFIX and "/" not in rest else value)
    return dataclasses.replace(filters, sessions=tuple(dict.fromkeys(out)))


def _label(dim: str, key, tz: dt.tzinfo, meta: Mapping, model_names: dict) -> tuple[str | None, str]:
    """(JSON key, label) for one dimension value; `meta` maps (agent, session id) -> {"title": …}."""
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
        return f"{agent}/{sid}", (meta.get((agent, sid)) or {}).get("title") or f"{agent}/{sid}"
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
    """Keep `top` entries (the largest; for time buckets the latest, in time order), return (kept, rest)."""
    if len(items) <= top:
        return _order(items, dim), []
    if dim in TIME_DIMS:
        ordered = _order(items, dim)
        return ordered[len(ordered) - top:], ordered[:len(ordered) - top]
    by_size = sorted(items, key=lambda kv: (-kv[1].total_tokens, -(kv[1].known_cost or 0.0), str(kv[0])))
    return _order(by_size[:top], dim), by_size[top:]


def _other_row(rest: list[tuple], dim: str) -> dict:
    t = Totals()
    for _, v in rest:
        t.add(v)
    row = {"dimension": dim, "key": None, "label": f"+{len(rest)} more", "more": len(rest), **t.as_json()}
    if dim == "day":             # folded days say which they are
        first, last = (dt.date(1970, 1, 1) + dt.timedelta(days=int(k)) for k in (min(k for k, _ in rest), max(k for k, _ in rest)))
        row.update({"from": first.isoformat(), "to": last.isoformat(), "label": days_label(first.isoformat(), last.isoformat(), len(rest))})
    return row


def build_rows(groups: dict[tuple, Totals], by: Sequence[str], *, top: int, tz: dt.tzinfo, meta: Mapping,
               days: Sequence[int] = ()) -> list[dict]:
    """Rows of a one- or two-level breakdown; `days` (epoch day numbers) are shown even without usage
    when the first level is `day`, so a day table never skips a quiet day silently."""
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
    if by[0] == "day":
        for day in days:
            first.setdefault(day, Totals())
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
                _fold_into(row["children"], _other_row(crest, by[1]))
        rows.append(row)
    if rest:
        _fold_into(rows, _other_row(rest, by[0]))
    return rows


def _fold_into(rows: list[dict], other: dict) -> None:
    """The "+N more" row goes last, or first for time buckets (the folded ones are the earliest)."""
    if other["dimension"] in TIME_DIMS:
        rows.insert(0, other)
    else:
        rows.append(other)


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
                 freshness: Mapping | None = None, last_window: Callable[[dt.datetime], Window] | None = None,
                 show_ids: bool = False) -> dict:
    """Everything a report says, as a JSON-ready dict (see references/report-json.md). Session titles
    mask peer ids unless `show_ids`; `sessionKey` and `label` stay as OpenClaw wrote them."""
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
    by_trigger = grouped_totals(run_query, ["agent", "session", "trigger"], start_ms=start_ms, end_ms=end_ms,
                                filters=filters, prices=prices, pairs=[(r[0], r[1]) for r in ranked]) if ranked else {}
    priced, top_triggers = _split_triggers(by_trigger)
    top_sessions = [((a, sid), priced.get((a, sid), Totals())) for a, sid, _, _ in ranked]
    sessions = counts

    meta_pairs = [k for k, _ in top_sessions]
    if "session" in by:
        i = list(by).index("session")
        meta_pairs += [tuple(k[i].split(SEP, 1)) for k in groups]
    meta = session_meta(run_query, meta_pairs)
    names = session_names(run_query, show_ids=show_ids, extra=meta_pairs)
    for pair in meta_pairs:
        meta.setdefault(pair, {})["title"] = names.title(*pair)

    data: dict = {
        "window": {**_window_json(window, tz), "kind": window.kind, "title": window.title,
                   **({"openStart": True} if is_open_start(window) else {}),
                   "timeZone": tz_name, "timeZoneSource": tz_source},
        "now": now.astimezone(tz).isoformat(),
        "demo": demo,
        "by": list(by),
        "filters": filters.as_json(),
        "totals": {**totals.as_json(), "sessions": len(sessions)},
        "rows": build_rows(groups, by, top=top, tz=tz, meta=meta, days=_days_so_far(window, now, tz)),
        "projection": _projection(window, now, totals, tz),
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
            "label": m.get("label"), "title": m["title"],
            "trigger": main_trigger(top_triggers.get((agent, sid), {}), m.get("sessionKey")),
            **{k: v for k, v in t.as_json().items() if k in ("calls", "totalTokens", "cost", "costBasis", "unpricedTokens")},
        })

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
            if is_open_start(window) else None
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
            lj = lt.as_json()
            data["lastUsage"] = {**_window_json(lw, tz), "kind": lw.kind, "at": from_ms(last_ms, tz).isoformat(),
                                 "totalTokens": lt.total_tokens, "calls": lt.calls, "cost": lj["cost"],
                                 "costBasis": lj["costBasis"], "unpricedTokens": lj["unpricedTokens"]}

    data["notes"] = build_notes(by_provider, unpriced_models, totals, freshness or {}, prices=prices)
    data["costSources"] = {b: classify.basis_label(b, prices) for b in classify.BASES if b in totals.cost}
    return data


def build_notes(by_provider: Mapping[str, Totals], unpriced_models: Mapping[str, int], totals: Totals,
                freshness: Mapping, *, prices: Mapping[tuple[str, str], Price] | None = None) -> list[dict]:
    """At most three notes, most useful first."""
    notes = []
    zero = []
    for provider, t in sorted(by_provider.items(), key=lambda kv: (-(kv[1].no_usage + kv[1].failed), kv[0])):
        parts = []
        if t.no_usage:
            parts.append(f"{plural(t.no_usage, 'call')} returned no usage")
        if t.failed:
            parts.append(f"{t.failed} failed")
        if parts:
            zero.append(f"{provider}: {', '.join(parts)}")
    if zero:
        notes.append({"code": "zero-usage", "text": "; ".join(zero)})
    if cost_marker(totals.cost) == "mixed":
        parts = sorted(((v, k) for k, v in totals.cost.items() if v), reverse=True)
        notes.append({"code": "cost-mix", "text": "cost " + " + ".join(f"{human_cost(v)} {COST_WORDS[k]}" for v, k in parts)})
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
        notes.append({"code": "freshness", "text": f"{plural(malformed, 'malformed record')}, "
                                                   f"{plural(unreadable, 'unreadable source')} on {run} "
                                                   "— see: token-monitor diagnose"})
    elif age is not None and age > 3600 and not freshness.get("collectedNow"):
        notes.append({"code": "freshness", "text": f"data is {age_text(age)} old (last collect); run without --no-collect"})
    if len(notes) < 3 and classify.PRICE_LIST in totals.cost:
        notes.append({"code": "price-list", "text": f"list = {classify.basis_label(classify.PRICE_LIST, prices)}"})
    if len(notes) < 3 and classify.ESTIMATED in totals.cost:
        notes.append({"code": "estimated", "text": "est = estimated from openclaw.json prices"})
    return notes[:3]


COST_WORDS = {"recorded": "recorded", "provider-billed": "billed", "estimated": "est", "price-list": "list",
              "zero-priced": "free"}


def _days_so_far(window: Window, now: dt.datetime, tz: dt.tzinfo) -> list[int]:
    """Epoch day numbers of the window's local days up to today (a day table lists each of them)."""
    last = now.astimezone(tz).date()
    epoch = dt.date(1970, 1, 1)
    return [(d - epoch).days for d in local_days(window.start, window.end, tz) if d <= last]


def _projection(window: Window, now: dt.datetime, totals: Totals, tz: dt.tzinfo) -> dict | None:
    """Where this week or month is heading at the pace so far; None for other windows and until
    enough of the period has passed for the pace to mean something (periods.projection_factor)."""
    if window.kind not in ("week", "month") or not window.start <= now < window.end:
        return None
    factor = projection_factor(window.start, window.end, now)
    if factor is None:
        return None
    cost = totals.known_cost
    elapsed = (now.timestamp() - window.start.timestamp()) / (window.end.timestamp() - window.start.timestamp())
    return {"end": window.end.astimezone(tz).isoformat(), "elapsedShare": round(elapsed, 3),
            "totalTokens": round(totals.total_tokens * factor),
            "cost": None if cost is None else round(cost * factor, COST_DIGITS),
            "costBasis": {k: round(v * factor, COST_DIGITS) for k, v in sorted(totals.cost.items())},
            "unpricedTokens": round(totals.unpriced_tokens * factor)}


def _split_triggers(groups: Mapping[tuple, Totals]) -> tuple[dict, dict]:
    """Groups keyed (agent, "agent<SEP>session", trigger) -> per-session Totals, and per session {trigger: Totals}."""
    sessions: dict[tuple[str, str], Totals] = {}
    triggers: dict[tuple[str, str], dict[str, Totals]] = {}
    for (agent, skey, trig), t in groups.items():
        key = (agent, skey.partition(SEP)[2])
        sessions.setdefault(key, Totals()).add(t)
        triggers.setdefault(key, {}).setdefault(trig, Totals()).add(t)
    return sessions, triggers


def main_trigger(triggers: Mapping[str, Totals], session_key: str | None) -> str:
    """The trigger class of most of a session's calls (ties: the order of TRIGGERS); from the key alone
    for a session without calls in range."""
    if not triggers:
        return trigger_class(session_key, None)
    return min(triggers, key=lambda k: (-triggers[k].calls, TRIGGERS.index(k)))


def session_rows(run_query: RunQuery, *, start_ms: int | None, end_ms: int | None, filters: Filters,
                 prices, tz: dt.tzinfo, names: SessionNames | None = None, show_ids: bool = False) -> list[dict]:
    """Every session with usage in the range: totals, first/last call, label, trigger, unique title."""
    sessions, triggers = _split_triggers(grouped_totals(run_query, ["agent", "session", "trigger"], start_ms=start_ms,
                                                        end_ms=end_ms, filters=filters, prices=prices))
    spans = session_spans(run_query, start_ms=start_ms, end_ms=end_ms, filters=filters)
    meta = session_meta(run_query, sessions)
    names = names or session_names(run_query, show_ids=show_ids, extra=sessions)
    hosts = session_hosts(run_query, sessions)
    out = []
    for (agent, sid), t in sessions.items():
        m = meta.get((agent, sid), {})
        lo, hi = spans.get((agent, sid), (None, None))
        out.append({"agent": agent, "sessionId": sid, **({"host": hosts.get((agent, sid))} if hosts else {}),
                    "sessionKey": m.get("sessionKey"), "channel": m.get("channel"),
                    "label": m.get("label"), "title": names.title(agent, sid),
                    "trigger": main_trigger(triggers.get((agent, sid), {}), m.get("sessionKey")),
                    "triggers": {k: {"calls": v.calls, "totalTokens": v.total_tokens}
                                 for k, v in sorted(triggers.get((agent, sid), {}).items(), key=lambda kv: TRIGGERS.index(kv[0]))},
                    "firstCall": from_ms(lo, tz).isoformat() if lo is not None else None,
                    "lastCall": from_ms(hi, tz).isoformat() if hi is not None else None,
                    "lastCallMs": hi, **t.as_json()})
    return out
