"""Format a report dict (from `aggregate`) for a phone screen, a chat that renders markdown, or a list.

Pure: strings in, strings out. Text is at most MAX_LINES lines of at most MAX_COLS columns,
plain (no box drawing, no colour), numbers humanised (1.24M, $3.41, $0.0042). When a breakdown
does not fit, its tail folds into a "+N more" row, so the rows shown still add up to the total.
Cost cells say how the cost is known: "est" (estimated from configured prices), "billed"
(provider-billed), "free" (configured price is zero), "unpriced" (no price anywhere, never $0);
"+?" after a cost means some tokens had no price and are not in it ("$3.00 est+?").
Widths are display columns, not characters: CJK and emoji take two, combining marks none, so a
Chinese session label cannot push a row past the phone's width. When a line is too long, the
label part is shortened; numbers and the commands a note points to are kept whole.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Mapping, Sequence

from ..privacy import mask_key
from .words import human_cost, human_tokens, pct, plural, tokens_text

MAX_LINES = 20
MAX_COLS = 64
SPARK = "▁▂▃▄▅▆▇█"
SUM_KEYS = ("calls", "input", "output", "cacheRead", "cacheWrite", "totalTokens", "unpricedTokens",
            "noUsageCalls", "failedCalls")
DIM_TITLES = {"model": "model", "provider": "provider", "agent": "agent", "session": "session", "day": "day",
              "hour": "hour", "channel": "channel", "trigger": "trigger", "host": "host"}


# --------------------------------------------------------------------------- numbers


BASIS_MARKERS = {"recorded": "", "zero-priced": "", "estimated": "est", "price-list": "list", "provider-billed": "billed"}


def cost_marker(basis: Mapping[str, float]) -> str:
    """How a sum of costs is known, from the amounts per basis: "" (recorded by OpenClaw, or priced at
    zero), "est", "billed", or "mixed" when dollars from different bases add up — "$33.80 billed"
    for $33.60 recorded + $0.20 billed would overclaim."""
    markers = {BASIS_MARKERS.get(k, k) for k, v in basis.items() if v}
    if len(markers) > 1:
        return "mixed"
    return markers.pop() if markers else ""


def symbol_of(d: Mapping) -> str:
    """The currency symbol a report's costs are shown in ($ unless --currency converted them)."""
    return (d.get("currency") or {}).get("symbol") or "$"


def cost_cell(row: Mapping, sym: str = "$") -> str:
    """The cost with how it is known: "$0.0042", "$0.0042 est", "$1.20 billed", "$3.40 mixed", "$0.0042 list" (price list), "free",
    "unpriced", and "+?" when some tokens are unpriced on top: "$0.01 +?", "$3.00 est+?"."""
    basis = row.get("costBasis") or {}
    cost = row.get("cost")
    if cost is None:
        return "unpriced" if row.get("unpricedTokens") else "?"
    if set(basis) == {"zero-priced"} and not row.get("unpricedTokens"):
        return "free"
    text = human_cost(cost, sym)
    marker = cost_marker(basis)
    if row.get("unpricedTokens"):
        return f"{text} {marker}+?"
    return f"{text} {marker}" if marker else text


def sparkline(values: Sequence[int]) -> str:
    top = max(values) if values else 0
    if top <= 0:
        return "·" * len(values)
    return "".join("·" if v <= 0 else SPARK[min(len(SPARK) - 1, int((v / top) * (len(SPARK) - 1) + 0.5))] for v in values)


# --------------------------------------------------------------------------- display width
def text_width(text: str) -> int:
    """Display columns `text` takes on a terminal or a phone's monospace font (wcwidth: East Asian Wide
    and emoji two, combining marks and joiners none, VS16 and ZWJ sequences as terminals draw them)."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else wcswidth(one_line(text))


def one_line(text: str) -> str:
    """Control characters (a newline in a session label) as spaces: every rendered line stays one line."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in str(text))


def truncate(text: str, width: int) -> str:
    """`text` cut to at most `width` columns, ending in "…" when cut (marks stay with their letter)."""
    text = one_line(text)
    if text_width(text) <= width:
        return text
    if width <= 0:
        return ""
    lo, hi = 0, len(text)          # the longest prefix that fits in width - 1 columns
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid]) <= width - 1:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def truncate_title(text: str, width: int) -> str:
    """A session title cut in the middle, at its separators when it can: the agent and channel at the
    start, the peer (or the `#id` that tells two sessions apart) at the end: `main/whatsapp:…+49…5678`.
    `session` and `--session` read the "…" back as a wildcard."""
    text = one_line(text)
    if text_width(text) <= width:
        return text
    heads = [i + 1 for i, ch in enumerate(text) if ch in "/:"]
    tails = [i + 1 for i, ch in enumerate(text) if ch == ":"] + [i for i, ch in enumerate(text) if ch == "#"]
    best = None
    for h in heads:
        for t in tails:
            if t >= h and text_width(text[:h]) + 1 + text_width(text[t:]) <= width:
                score = text_width(text[:h]) + text_width(text[t:])
                if best is None or score > best[0]:
                    best = (score, h, t)
    if best is not None and best[0] >= width // 2:
        return text[:best[1]] + "…" + text[best[2]:]
    keep_tail = (width - 1) // 2
    start = len(text)
    while start > 0 and text_width(text[start - 1:]) <= keep_tail:
        start -= 1
    tail = text[start:]
    used = text_width(tail)
    return truncate(text, width - used)[:-1] + "…" + tail if width - used > 1 else truncate(text, width)


def fit(line: str, width: int = MAX_COLS) -> str:
    return truncate(line, width)


def fit_label(prefix: str, label: str, suffix: str, width: int = MAX_COLS) -> str:
    """prefix + label + suffix in `width` columns, shortening only the label (never the numbers after it)."""
    room = width - text_width(prefix) - text_width(suffix)
    if room < 2:
        return fit(prefix + label + suffix, width)
    return prefix + truncate(label, room) + suffix


# A note's closing pointer to a command ("— see: token-monitor diagnose", "(see: …)", "run …"):
# kept whole, on a line of its own if need be.
NOTE_TAIL = re.compile(r"(?:(?:— |\()?see: |run )\S.*$")


def note_lines(text: str, *, width: int = MAX_COLS, max_lines: int = 2) -> list[str]:
    """A note as "- text", wrapped at spaces onto at most `max_lines` lines ("  " indented); when even
    that does not fit, its text is shortened, never the command it ends with."""
    text = one_line(text)
    line = f"- {text}"
    if text_width(line) <= width:
        return [line]
    m = NOTE_TAIL.search(text)
    head, tail = (text[:m.start()].rstrip(), text[m.start():]) if m and m.start() else (text, "")
    words = head.split(" ") + ([tail] if tail else [])
    lines, cur = [], "- " + words[0]
    for w in words[1:]:
        if text_width(f"{cur} {w}") <= width:
            cur = f"{cur} {w}"
        else:
            lines.append(cur)
            cur = f"  {w}"
    lines.append(cur)
    if len(lines) <= max_lines and all(text_width(x) <= width for x in lines):
        return lines
    if tail and max_lines >= 2 and text_width(f"  {tail}") <= width:
        return [fit(f"- {head}", width), f"  {tail}"]
    if tail:
        return [fit_label("- ", head, f" {tail}", width)]
    return [fit(lines[0], width), fit(" ".join([lines[1]] + [x.strip() for x in lines[2:]]), width)][:max_lines]


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10])


# --------------------------------------------------------------------------- shared pieces
def span_of(win: Mapping) -> str:
    """Human span of a JSON window: 'Sat 28 Nov 2026', '23–29 Nov 2026', 'Nov 2026', '28 Nov 10:00–14:00'."""
    s = dt.datetime.fromisoformat(win["start"])
    e = dt.datetime.fromisoformat(win["end"])
    last = e - dt.timedelta(microseconds=1)
    midnight = s.time() == dt.time(0) and e.time() == dt.time(0)
    if win.get("kind") in ("month", "last-month"):
        return s.strftime("%b %Y")
    if midnight and s.date() == last.date():
        return s.strftime("%a %-d %b %Y")
    if midnight:
        if (s.year, s.month) == (last.year, last.month):
            return f"{s.day}–{last.day} {last.strftime('%b %Y')}"
        if s.year == last.year:
            return f"{s.strftime('%-d %b')} – {last.strftime('%-d %b %Y')}"
        return f"{s.strftime('%-d %b %Y')} – {last.strftime('%-d %b %Y')}"
    if s.date() == e.date():
        return f"{s.strftime('%-d %b %H:%M')}–{e.strftime('%H:%M')}"
    if s.year != e.year:                     # a long rolling window: the years matter more than the minutes
        return f"{s.strftime('%-d %b %Y')} – {e.strftime('%-d %b %Y %H:%M')}"
    return f"{s.strftime('%-d %b %H:%M')} – {e.strftime('%-d %b %H:%M')}"


def zone_label(w: Mapping) -> str:
    """The zone as the header names it; "(host)" when nobody chose it (no --tz, no userTimezone), so a
    user on a UTC server sees why "today" starts at 08:00 their time."""
    return f"{w['timeZone']} (host)" if w.get("timeZoneSource") == "host" else w["timeZone"]


def headline_lines(d: Mapping) -> list[str]:
    sym = symbol_of(d)
    w, t = d["window"], d["totals"]
    span = span_of(w)
    if w.get("openStart"):                                     # only --until: no real start
        span = "until " + span.split(" – ", 1)[-1]
    title = f"{w['title']} · {span} · {zone_label(w)}" + (" · demo data" if d.get("demo") else "")
    lines = [title]
    if t["calls"] == 0:
        lines.append("No usage in this period.")
        lu = d.get("lastUsage")
        unmatched = d.get("unmatchedFilters") or []
        if lu:
            parts = [f"Last usage: {span_of(lu)} — {tokens_text(lu['totalTokens'])}", cost_cell(lu, sym),
                     plural(lu['calls'], 'call')]
            while len(parts) > 1 and text_width(", ".join(parts)) > MAX_COLS:
                parts.pop()                  # drop the calls, then the cost, rather than cut a number
            lines.append(", ".join(parts))
        elif unmatched:                      # a filter named something the ledger has never seen
            lines += [text[:1].upper() + text[1:] for text in unmatched]
        else:
            lines.append("No usage recorded before it either.")
        return lines
    lines.append(f"{tokens_text(t['totalTokens'])} · {cost_cell(t, sym)} · {plural(t['calls'], 'call')}"
                 f" · {plural(t['sessions'], 'session')}")
    lines.append(f"in {human_tokens(t['input'])} · out {human_tokens(t['output'])} · "
                 f"cache read {human_tokens(t['cacheRead'])} · write {human_tokens(t['cacheWrite'])}")
    c = d.get("comparison")
    if c:
        if c["totalTokens"] == 0:
            lines.append(f"vs {c['title']}: no usage then")
        else:
            lines.append(f"vs {c['title']}: tokens {pct(c['deltaPct']['totalTokens'])}, cost {pct(c['deltaPct']['cost'])}"
                         f" ({human_tokens(c['totalTokens'])}, {human_cost(c['cost'], sym) if c['cost'] is not None else 'unpriced'})")
    p = d.get("projection")
    if p:
        lines.append(f"on pace for {tokens_text(p['totalTokens'])} · {cost_cell(p, sym)} by end of {w['kind']}")
    return lines


SPARK_MAX = 40          # bars that fit beside the label and the peak within 64 columns


def spark_parts(d: Mapping) -> tuple[str, str, str] | None:
    """(label, bars, tail) of the sparkline: one bar per day, else per week, month or year — whatever
    keeps it within SPARK_MAX bars — and a tail naming the span (when it fits) and the peak day."""
    daily = d.get("daily")
    if not daily or len(daily) < 2:
        return None
    values = [x["totalTokens"] for x in daily]
    dates = [_date(x["date"]) for x in daily]
    label = "daily"
    if len(values) > SPARK_MAX:
        for label, key in (("weekly", lambda i, day: i // 7), ("monthly", lambda i, day: (day.year, day.month)),
                           ("yearly", lambda i, day: day.year)):
            buckets: dict = {}
            for i, (day, v) in enumerate(zip(dates, values)):
                buckets[key(i, day)] = buckets.get(key(i, day), 0) + v
            if len(buckets) <= SPARK_MAX:
                break
        else:               # more years than bars: several years per bar, never a cut-off start
            per = -(-len(buckets) // SPARK_MAX)
            first = dates[0].year
            label, buckets = f"{per}-yearly", {}
            for day, v in zip(dates, values):
                buckets[(day.year - first) // per] = buckets.get((day.year - first) // per, 0) + v
        values = list(buckets.values())
    peak_i = max(range(len(daily)), key=lambda i: daily[i]["totalTokens"])
    peak = f"peak {dates[peak_i].strftime('%-d %b %Y' if dates[0].year != dates[-1].year else '%-d %b')} " \
           f"{human_tokens(daily[peak_i]['totalTokens'])}" if daily[peak_i]["totalTokens"] else ""
    fmt = "%b %Y" if dates[0].year != dates[-1].year else "%-d %b"
    span = "" if len(values) > 24 else f"{dates[0].strftime(fmt)}–{dates[-1].strftime(fmt)}"
    return label, sparkline(values), " ".join(p for p in (span, peak) if p)


def spark_line(d: Mapping) -> str | None:
    parts = spark_parts(d)
    if parts is None:
        return None
    label, bars, tail = parts
    return fit(f"{label} {bars}" + (f" {tail}" if tail else ""))


def days_label(first: str, last: str, n: int) -> str:
    """The label of folded day rows, naming the days: "1–21 Nov (21 days)", "28 Oct–3 Nov (7 days)"."""
    a, b = _date(first), _date(last)
    span = (f"{a.day}–{b.strftime('%-d %b')}" if (a.year, a.month) == (b.year, b.month)
            else f"{a.strftime('%-d %b')}–{b.strftime('%-d %b')}")
    return f"{span} ({n} days)" if n != 1 else a.strftime("%a %-d %b")


def merge_rows(rows: Sequence[Mapping], *, dim: str) -> dict:
    """One "+N more" row standing for `rows` (already-merged rows count for what they stand for);
    folded days name their dates instead."""
    out: dict = {"dimension": dim, "key": None, "label": "", "more": 0}
    for k in SUM_KEYS:
        out[k] = sum(r.get(k, 0) for r in rows)
    basis: dict = {}
    for r in rows:
        for k, v in (r.get("costBasis") or {}).items():
            basis[k] = basis.get(k, 0.0) + v
        out["more"] += r.get("more", 1)
    out["costBasis"] = basis
    out["cost"] = None if (not basis and out["unpricedTokens"]) else sum(basis.values())
    out["label"] = f"+{out['more']} more"
    if dim == "day":
        days = sorted(d for r in rows for d in ((r.get("from"), r.get("to")) if r.get("key") is None else (r["key"],)) if d)
        if days:
            out["from"], out["to"] = days[0], days[-1]
            out["label"] = days_label(days[0], days[-1], out["more"])
    return out


def fit_rows(rows: list[dict], budget: int) -> list[tuple[int, dict]]:
    """(depth, row) lines for at most `budget` lines, folding tails into "+N more" rows."""
    budget = max(budget, 1)

    def one_level(rs: list[dict], n: int, dim: str) -> list[dict]:
        if len(rs) <= n:
            return list(rs)
        if n <= 1:
            return [merge_rows(rs, dim=dim)]
        if dim in ("day", "hour"):          # time runs forward: keep the latest, fold the earliest
            return [merge_rows(rs[: len(rs) - n + 1], dim=dim)] + rs[len(rs) - n + 1:]
        return rs[: n - 1] + [merge_rows(rs[n - 1:], dim=dim)]

    if not rows:
        return []
    dim = rows[0]["dimension"]
    if not any(r.get("children") for r in rows):
        return [(0, r) for r in one_level(rows, budget, dim)]
    lines_all = sum(1 + len(r.get("children") or []) for r in rows)
    if lines_all <= budget:
        return [(d, x) for r in rows for d, x in [(0, r)] + [(1, c) for c in r.get("children") or []]]
    def kids_for(r: dict, cap: int) -> list[dict]:
        kids = r.get("children") or []
        if len(kids) <= cap:
            return list(kids)
        return one_level(kids, cap, kids[0]["dimension"])

    # As many parents as fit with at least one line of children each (a second level is never
    # dropped silently: a parent's hidden children show as its "+N more"), then as many children
    # per parent as fit; parents that do not fit fold into "+N more".
    max_c = max(len(r.get("children") or []) for r in rows)
    for p in range(len(rows), 0, -1):
        shown = rows if p == len(rows) else one_level(rows, p, dim)
        for cap in range(max_c, 0, -1):
            lines = [(d, x) for r in shown for d, x in [(0, r)] + [(1, c) for c in kids_for(r, cap)]]
            if len(lines) <= budget:
                return lines
    return [(0, r) for r in one_level(rows, budget, dim)]


def table_cells(lines: list[tuple[int, dict]], total: Mapping, sym: str = "$") -> list[list[str]]:
    tt = total["totalTokens"] or 0
    out = []
    for depth, r in lines:
        share = f"{r['totalTokens'] / tt * 100:.0f}%" if tt else "-"
        out.append([("  " * depth) + str(r["label"]), human_tokens(r["totalTokens"]), share, cost_cell(r, sym), str(r["calls"])])
    return out


def plain_table(header: list[str], body: list[list[str]], *, width: int | None = MAX_COLS,
                align: list[str] | None = None, titles: bool = False) -> list[str]:
    """The one table renderer: tabulate's plain format (no box drawing), cells measured in display
    columns, the first column left-aligned and the rest right-aligned unless `align` says otherwise,
    the first column cut with "…" so that no line is wider than `width` (None: no limit).
    `titles`: the first column holds session titles, cut in the middle (truncate_title)."""
    from tabulate import tabulate

    rows = [[one_line(c) for c in r] for r in [header] + body]
    if width is not None:
        other = sum(max(text_width(r[i]) for r in rows) for i in range(1, len(header)))
        label_w = max(4, min(width - other - 2 * (len(header) - 1), max(text_width(r[0]) for r in rows)))
        rows = [[_cut_label(r[0], label_w, title=titles and i > 0)] + r[1:] for i, r in enumerate(rows)]
    text = tabulate(rows, tablefmt="plain", colalign=align or ["left"] + ["right"] * (len(header) - 1),
                    disable_numparse=True, preserve_whitespace=True)
    return [fit(line.rstrip(), width) if width is not None else line.rstrip() for line in text.splitlines()]


def _cut_label(text: str, width: int, *, title: bool) -> str:
    if not title:
        return truncate(text, width)
    indent = len(text) - len(text.lstrip(" "))
    return text[:indent] + truncate_title(text[indent:], width - indent)


# --------------------------------------------------------------------------- text
def render_text(d: Mapping) -> str:
    sym = symbol_of(d)
    head = [fit(x) for x in headline_lines(d)]
    notes = [x for n in d.get("notes", [])[:3] for x in note_lines(n["text"])]
    if d["totals"]["calls"] == 0:
        return "\n".join(head + notes) + "\n"
    spark = spark_line(d)
    sessions = d.get("topSessions") or []
    n_sess = min(3, len(sessions)) if len(sessions) > 1 or "session" not in d.get("by", []) else 0
    rows = d.get("rows") or []
    wanted = sum(1 + len(r.get("children") or []) for r in rows)

    def fixed(k: int) -> int:
        sess_lines = 0 if k == 0 else (1 if k == 1 else 1 + k)
        return len(head) + 1 + (2 if rows else 0) + (1 if spark else 0) + sess_lines + len(notes) + (1 if (spark or k) else 0)

    while n_sess > 0 and MAX_LINES - fixed(n_sess) < min(wanted + 2, 9):
        n_sess -= 1
    budget = MAX_LINES - fixed(n_sess)
    out = list(head)
    if rows:
        out.append("")
        lines = fit_rows(rows, budget)
        dims = d.get("by") or []
        header = [" › ".join(DIM_TITLES[x] for x in dims), "tokens", "share", "cost", "calls"]
        body = table_cells(lines, d["totals"], sym) + [["total", human_tokens(d["totals"]["totalTokens"]),
                                                   "100%" if d["totals"]["totalTokens"] else "-",
                                                   cost_cell(d["totals"], sym), str(d["totals"]["calls"])]]
        out += plain_table(header, body, titles="session" in dims)
    if spark or n_sess:
        out.append("")
    if spark:
        out.append(spark)
    if n_sess == 1:
        s = sessions[0]
        tail = f" {human_tokens(s['totalTokens'])} {cost_cell(s, sym)}"
        out.append("top session: " + truncate_title(s["title"], MAX_COLS - len("top session: ") - text_width(tail)) + tail)
    elif n_sess:
        out.append("top sessions:")
        body = [["  " + s["title"], human_tokens(s["totalTokens"]), cost_cell(s, sym)] for s in sessions[:n_sess]]
        out += plain_table(["", "", ""], body, titles=True)[1:]
    out += notes
    return "\n".join(out[:MAX_LINES]) + "\n"


# --------------------------------------------------------------------------- markdown
def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def render_markdown(d: Mapping) -> str:
    sym = symbol_of(d)
    head = headline_lines(d)
    out = [f"**{_md_escape(head[0])}**", ""] + [_md_escape(x) + "  " for x in head[1:]]
    if d["totals"]["calls"]:
        rows = d.get("rows") or []
        if rows:
            lines = fit_rows(rows, 15)
            dims = d.get("by") or []
            out += ["", "| " + " › ".join(dims) + " | tokens | share | cost | calls |", "|---|--:|--:|--:|--:|"]
            for cells in table_cells(lines, d["totals"], sym):
                label = cells[0]
                depth = (len(label) - len(label.lstrip(" "))) // 2
                cells[0] = ("↳ " if depth else "") + _md_escape(label.strip())
                out.append("| " + " | ".join(cells) + " |")
            t = d["totals"]
            out.append(f"| **total** | **{human_tokens(t['totalTokens'])}** | 100% | **{cost_cell(t, sym)}** | **{t['calls']}** |")
        spark = spark_parts(d)
        if spark:
            label, bars, tail = spark
            out += ["", f"`{bars}` {label}" + (f" {_md_escape(tail)}" if tail else "")]
        sessions = (d.get("topSessions") or [])[:3]
        if sessions:
            out += ["", "**Top sessions**"]
            out += [f"- {_md_escape(s['title'])} — {human_tokens(s['totalTokens'])} · {cost_cell(s, sym)}" for s in sessions]
    notes = d.get("notes") or []
    if notes:
        out += ["", "**Notes**"] + [f"- {_md_escape(n['text'])}" for n in notes[:3]]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- sessions / session
def render_sessions_text(d: Mapping) -> str:
    rows = d["sessions"]
    title = f"Sessions · {d['title']} · {d['timeZone']}" + (" · demo data" if d.get("demo") else "")
    out = [fit(title)]
    if not rows:
        return "\n".join(out + ["No sessions with usage in this period."]
                         + [fit(x[:1].upper() + x[1:]) for x in d.get("unmatchedFilters") or []]) + "\n"
    out.append(fit(f"{len(rows)} shown of {d['total']} · sorted by {d['sort']}"))
    body = []
    with_host = any(s.get("host") for s in rows)      # only set when the ledger holds more than one host
    for s in rows:
        last = dt.datetime.fromisoformat(s["lastCall"]).strftime("%-d %b %H:%M") if s.get("lastCall") else "-"
        body.append([s["title"], *([s.get("host") or "-"] if with_host else []), human_tokens(s["totalTokens"]),
                     cost_cell(s), str(s["calls"]), last])
    out += plain_table(["session", *(["host"] if with_host else []), "tokens", "cost", "calls", "last call"], body,
                       titles=True)
    if d["total"] > len(rows):
        out.append(f"+{d['total'] - len(rows)} more (use --limit)")
    return "\n".join(out[:MAX_LINES]) + "\n"


def render_session_text(d: Mapping, *, show_ids: bool = False) -> str:
    s = d["session"]
    out = [fit_label("Session ", s["title"], f" · {d['timeZone']}" + (" · demo data" if d.get("demo") else ""))]
    details = [f"id {s['sessionId']}"]
    if s.get("sessionKey"):
        details.append(f"key {s['sessionKey'] if show_ids else mask_key(s['sessionKey'])}")
    joined = " · ".join(details)
    out += [fit(joined)] if text_width(joined) <= MAX_COLS else [fit(x) for x in details]
    t = d["totals"]
    out.append(fit(f"{tokens_text(t['totalTokens'])} · {cost_cell(t)} · {plural(t['calls'], 'call')} · trigger {s['trigger']}"))
    for title, rows, budget in (("model", d["byModel"], 5), ("day", d["byDay"], 7)):
        if rows:
            out.append("")
            lines = fit_rows(rows, budget)
            out += plain_table([title, "tokens", "share", "cost", "calls"], table_cells(lines, t))
    return "\n".join(out[:MAX_LINES]) + "\n"
