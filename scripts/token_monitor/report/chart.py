"""A report's period as one PNG for a chat: tokens or cost per day (per hour for a single day),
stacked by model, with the total, the period and the time zone in the title.

Two halves. `chart_spec` is pure: buckets and per-(bucket, model) values in, a `ChartSpec` out (the
top models kept, the rest folded into "other", so the stacks still add up to the total).
`render_png` draws a spec with matplotlib's Agg backend — imported there and only there, so no
other command pays for it — at 1080 × 1080 px: a 1080-px phone shows it 1:1, and OpenClaw's
2048-px outbound limit (references/charts.md §4) never rescales it. Colours are Okabe-Ito, which
stay distinct under the common colour-vision deficiencies; stacks are also separated by white
edges and the legend lists them in stack order, so colour is never the only cue.

Where the file goes (`default_chart_dir`, `write_png`, `remove_old_charts`) is decided here too:
OpenClaw's temp root, the one folder it accepts outbound media from under `tools.fs.workspaceOnly`
that is not its own state (references/charts.md §3).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path
from typing import Callable, Mapping, Sequence

# Okabe & Ito (2008), "Color Universal Design"; black is kept for text, grey for "other".
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHER_COLOUR = "#999999"
TOP_SERIES = len(OKABE_ITO) - 1          # 6 models + "other" keeps every stack a distinct colour
SIZE_PX = 1080
DPI = 200                                # 5.4 in at 200 dpi: 11-pt text is ~31 px, legible on a phone
CHART_PREFIX = "token-monitor-chart-"
KEEP_SECONDS = 24 * 3600                 # a chart may wait in a delivery queue; a day is plenty


@dataclasses.dataclass(frozen=True)
class ChartSpec:
    title: str                           # "This week · 1.2M tokens · $3.41"
    subtitle: str                        # "30 Nov – 6 Dec 2026 · Europe/Berlin"
    x_labels: tuple[str, ...]            # one per bucket ("" where a label would crowd)
    series: tuple[tuple[str, tuple[float, ...]], ...]   # (legend label, value per bucket), bottom first
    y_label: str                         # "tokens" or "cost (USD)"
    y_format: str                        # "tokens" | currency symbol such as "$" or "¥"
    x_label: str                         # "day" | "hour"

    @property
    def total(self) -> float:
        return sum(sum(v) for _, v in self.series)


def chart_spec(buckets: Sequence[tuple[object, str]], values: Mapping[tuple[object, str], float], *,
               title: str, subtitle: str, metric: str, symbol: str = "$", x_label: str = "day",
               top: int = TOP_SERIES) -> ChartSpec:
    """Stack `values[(bucket key, series)]` over `buckets` [(key, label)]; the largest `top` series
    by total are kept (largest at the bottom), the rest summed into "other"."""
    keys = [k for k, _ in buckets]
    totals: dict[str, float] = {}
    for (b, name), v in values.items():
        if b in keys and v:
            totals[name] = totals.get(name, 0.0) + v
    ranked = sorted(totals, key=lambda n: (-totals[n], n))
    kept, rest = ranked[:top], ranked[top:]
    if len(rest) == 1:                   # "other" for one model hides a name for nothing
        kept, rest = ranked[:top + 1], []
    series = [(n, tuple(float(values.get((k, n), 0.0)) for k in keys)) for n in kept]
    if rest:
        other = tuple(sum(float(values.get((k, n), 0.0)) for n in rest) for k in keys)
        series.append((f"other ({len(rest)})", other))
    return ChartSpec(title=title, subtitle=subtitle, x_labels=thin_labels([lbl for _, lbl in buckets]),
                     series=tuple(series), y_label="tokens" if metric == "tokens" else f"cost ({symbol.strip()})",
                     y_format="tokens" if metric == "tokens" else symbol, x_label=x_label)


def thin_labels(labels: Sequence[str], *, max_labels: int = 8) -> tuple[str, ...]:
    """Keep every n-th label (always the first) so at most `max_labels` fit under 1080 px."""
    n = max(1, -(-len(labels) // max_labels))
    return tuple(lbl if i % n == 0 else "" for i, lbl in enumerate(labels))


def axis_number(value: float, fmt: str) -> str:
    """Tick text: 0, 950, 1.2K, 3.4M for tokens; $0.05, $12, ¥1.2K for money."""
    if fmt == "tokens":
        for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= div:
                return f"{value / div:.3g}{suffix}"
        return f"{value:.0f}" if value == int(value) else f"{value:.2g}"
    if abs(value) >= 1000:
        return f"{fmt}{value / 1000:.3g}K"
    if abs(value) >= 10 or value == 0:
        return f"{fmt}{value:.0f}"
    return f"{fmt}{value:.2g}"


def render_png(spec: ChartSpec, dest: Path) -> dict:
    """Draw `spec` to `dest` (PNG, no timestamps in its metadata) and return what was drawn:
    pixel size and every text matplotlib placed (title, axis labels, ticks, legend)."""
    import matplotlib
    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rc = {"font.family": "DejaVu Sans", "font.size": 11, "axes.titlesize": 13, "axes.labelsize": 11,
          "xtick.labelsize": 10, "ytick.labelsize": 10, "legend.fontsize": 10, "svg.hashsalt": "token-monitor",
          "axes.spines.top": False, "axes.spines.right": False}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(SIZE_PX / DPI, SIZE_PX / DPI), dpi=DPI)
        fig.patch.set_facecolor("white")
        ax = fig.add_axes((0.15, 0.30, 0.80, 0.52))
        xs = list(range(len(spec.x_labels)))
        bottom = [0.0] * len(xs)
        colours = list(OKABE_ITO)
        for i, (name, vals) in enumerate(spec.series):
            colour = OTHER_COLOUR if name.startswith("other (") else colours[i % len(colours)]
            ax.bar(xs, vals, bottom=bottom, width=0.8, color=colour, edgecolor="white", linewidth=0.6, label=name)
            bottom = [b + v for b, v in zip(bottom, vals)]
        ax.set_xticks(xs, list(spec.x_labels))
        ax.set_xlim(-0.6, len(xs) - 0.4)
        ax.set_xlabel(spec.x_label)
        ax.set_ylabel(spec.y_label)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, min_n_ticks=3))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: axis_number(v, spec.y_format)))
        if not any(bottom):
            ax.set_ylim(0, 1)
            ax.text(0.5, 0.5, "no usage in this period", transform=ax.transAxes, ha="center", va="center",
                    color="#555555")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.text(0.04, 0.955, spec.title, fontsize=14, fontweight="bold", va="top")
        fig.text(0.04, 0.895, spec.subtitle, fontsize=11, color="#333333", va="top")
        handles, labels = ax.get_legend_handles_labels()
        legend = None
        if handles:
            # Legend below the plot, in stack order read top-down like the bars.
            legend = fig.legend(handles[::-1], labels[::-1], loc="lower left", bbox_to_anchor=(0.04, 0.01),
                                ncols=2, frameon=False, handlelength=1.2, columnspacing=1.2)
        fig.savefig(dest, format="png", dpi=DPI, metadata={"Software": None})
        texts = [t.get_text() for t in fig.texts + ax.texts] + [ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
        width, height = fig.canvas.get_width_height()
    return {"width": width, "height": height, "texts": [t for t in texts if t]}


# --------------------------------------------------------------------------- from a report's groups
def chart_buckets(window, tz: dt.tzinfo) -> tuple[str, list[tuple[int, str]]]:
    """("hour" | "day", [(bucket key as the ledger's queries key it, label)]) for a report window: local
    hours for a window of a day or less (23 or 25 on DST days), local days otherwise."""
    from .periods import local_days

    if (window.end - window.start) <= dt.timedelta(hours=25):
        out, t = [], window.start_ms
        while t < window.end_ms:
            local = dt.datetime.fromtimestamp(t / 1000, dt.timezone.utc).astimezone(tz)
            out.append((t, local.strftime("%H")))
            t += 3_600_000
        return "hour", out
    days = local_days(window.start, window.end, tz)
    fmt = "%a %-d" if len(days) <= 7 else "%-d" if window.kind == "month" else "%-d %b"
    epoch = dt.date(1970, 1, 1)
    return "day", [((d - epoch).days, d.strftime(fmt)) for d in days]


def series_name(key: str, keys: Sequence[str]) -> str:
    """A model's legend label: its id, or provider/id when two providers serve the same id."""
    provider, _, model = key.partition("/")
    same = sum(1 for k in keys if k.partition("/")[2] == model)
    return key if same > 1 else model


def report_chart_spec(groups: Mapping[tuple, object], *, window, tz: dt.tzinfo, tz_name: str, metric: str,
                      headline: str, span: str, symbol: str = "$", per_usd: float = 1.0,
                      rate_text: str | None = None) -> ChartSpec:
    """The chart of one report: `groups` maps (bucket key, "provider/model") to report Totals."""
    dim, buckets = chart_buckets(window, tz)
    keys = sorted({m for _, m in groups})
    values: dict[tuple[int, str], float] = {}
    for (bucket, model), t in groups.items():
        v = t.total_tokens if metric == "tokens" else (t.known_cost or 0.0) * per_usd
        name = series_name(model, keys)
        values[(bucket, name)] = values.get((bucket, name), 0.0) + v
    subtitle = " · ".join(x for x in (span, tz_name, rate_text) if x)
    return chart_spec(buckets, values, title=f"{window.title} · {headline}", subtitle=subtitle, metric=metric,
                      symbol=symbol, x_label=dim)


# --------------------------------------------------------------------------- where the file goes
def openclaw_temp_root(env: Mapping[str, str], *, uid: int | None,
                       lstat: Callable[[str], os.stat_result] = os.lstat,
                       access: Callable[[str, int], bool] = os.access) -> tuple[Path, bool]:
    """(OpenClaw's temp root, whether it is the preferred /tmp/openclaw), by fs-safe's
    `resolveSecureTempRoot`: /tmp/openclaw when it is our own directory, not group/world-writable
    (or missing and creatable), else `<os.tmpdir()>/openclaw-<uid>` (references/charts.md §3)."""
    preferred = "/tmp/openclaw"
    if os.name != "nt":
        try:
            st = lstat(preferred)
        except FileNotFoundError:
            if access("/tmp", os.W_OK | os.X_OK):
                return Path(preferred), True
        except OSError:
            pass
        else:
            if stat.S_ISDIR(st.st_mode) and (uid is None or st.st_uid == uid) and not (st.st_mode & 0o022) \
                    and access(preferred, os.W_OK | os.X_OK):
                return Path(preferred), True
    base = env.get("TMPDIR") or env.get("TMP") or env.get("TEMP") or "/tmp"
    base = base.rstrip("/") or "/"
    return Path(base) / ("openclaw" if uid is None else f"openclaw-{uid}"), False


def default_chart_dir(env: Mapping[str, str], *, uid: int | None) -> Path:
    root, _ = openclaw_temp_root(env, uid=uid)
    return root / "token-monitor"


def write_png(spec: ChartSpec, dest: Path) -> dict:
    """Render into a 0600 temporary file beside `dest`, then rename it into place (files.atomic_private)."""
    from .. import files

    dest.parent.mkdir(parents=True, exist_ok=True)
    with files.atomic_private(dest, binary=True) as handle:
        return render_png(spec, handle)


def remove_old_charts(folder: Path, *, now_s: float, keep_seconds: float = KEEP_SECONDS,
                      keep: Path | None = None) -> list[Path]:
    """Delete our own chart files in `folder` older than `keep_seconds` (never `keep`)."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for p in entries:
        if not (p.name.startswith(CHART_PREFIX) and p.name.endswith(".png")) or p == keep:
            continue
        try:
            if now_s - p.lstat().st_mtime > keep_seconds:
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed
