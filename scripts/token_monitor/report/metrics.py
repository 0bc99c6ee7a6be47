"""The ledger's all-time totals as Prometheus metrics, under OpenClaw's own metric names.

`metric_families` is pure: ledger total rows in, metric families out (references/metrics.md lists
names, labels and why they differ from OpenClaw's plugin). Values are cumulative sums over the
ledger, which never deletes an event, so counters only grow across collects. Labels are bounded:
host, agent, channel, provider, model, token type, cost basis, outcome; never a session id.

The exposition format, the HTTP server and the textfile are prometheus-client's (imported here
only, on first use), not ours.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from ..errors import TokenMonitorError, UsageError
from ..model import Price
from .totals import price_group

TOKENS = "openclaw_model_tokens_total"
COST = "openclaw_model_cost_usd_total"
CALLS = "openclaw_model_call_total"
LAST_CALL = "token_monitor_last_call_timestamp_seconds"
TOKEN_TYPES = (("input", "input"), ("output", "output"), ("cache_read", "cache_read"), ("cache_write", "cache_write"))
TEXTFILE_NAME = "token_monitor.prom"
MAX_LABEL = 120
UNKNOWN = "unknown"


@dataclasses.dataclass(frozen=True)
class TotalRow:
    """One group of ledger events: its labels, cost class and sums (aggregate's N_SUMS order)."""

    host: str
    agent: str
    channel: str | None
    provider: str
    model: str
    cls: str
    last_ms: int | None
    sums: tuple


@dataclasses.dataclass
class Family:
    name: str
    kind: str                      # "counter" | "gauge"
    help: str
    labels: tuple[str, ...]
    samples: dict[tuple[str, ...], float] = dataclasses.field(default_factory=dict)

    def add(self, values: Sequence[str], amount: float) -> None:
        key = tuple(values)
        self.samples[key] = self.samples.get(key, 0) + amount


def label_value(text: str | None) -> str:
    """A bounded label value: printable, at most MAX_LABEL characters, `unknown` when empty."""
    if not text:
        return UNKNOWN
    value = "".join(ch for ch in str(text) if ch.isprintable())[:MAX_LABEL]
    return value or UNKNOWN


def metric_families(rows: Iterable[TotalRow], prices: Mapping[tuple[str, str], Price]) -> list[Family]:
    """Counters of tokens, cost and calls plus the last call time, summed per label set.

    Tokens are the four components only (their sum is the ledger's totalTokens); cost is split by
    the basis reports use (totals.price_group); unpriced calls add tokens and no cost."""
    base = ("agent", "channel", "host", "model", "provider")
    tokens = Family(TOKENS, "counter", "Model tokens in token-monitor's ledger, by token type.", base + ("token_type",))
    cost = Family(COST, "counter", "Model cost in USD in token-monitor's ledger, by cost basis.",
                  ("agent", "channel", "cost_basis", "host", "model", "provider"))
    calls = Family(CALLS, "counter", "Model calls in token-monitor's ledger, by outcome.",
                   ("agent", "channel", "host", "model", "outcome", "provider"))
    last = Family(LAST_CALL, "gauge", "Time of the newest call in token-monitor's ledger, per host.", ("host",))
    newest: dict[str, int] = {}
    for r in rows:
        agent, channel, host = label_value(r.agent), label_value(r.channel), label_value(r.host)
        model, provider = label_value(r.model), label_value(r.provider)
        t = price_group(r.provider, r.model, r.cls, r.sums, prices)
        for attr, token_type in TOKEN_TYPES:
            amount = getattr(t, attr)
            if amount:
                tokens.add((agent, channel, host, model, provider, token_type), amount)
        for basis, usd in sorted(t.cost.items()):
            cost.add((agent, channel, basis, host, model, provider), usd)
        # "error": calls that failed without usage (an error or abort), as reports count "failed"
        for outcome, n in (("completed", t.calls - t.failed), ("error", t.failed)):
            if n:
                calls.add((agent, channel, host, model, outcome, provider), n)
        if r.last_ms is not None:
            newest[host] = max(newest.get(host, r.last_ms), r.last_ms)
    for host, ms in newest.items():
        last.samples[(host,)] = ms / 1000
    return [tokens, cost, calls, last]


# --------------------------------------------------------------------------- prometheus-client
def _client(part: str = ""):
    """prometheus_client (or one of its modules), imported on first use: only `metrics` needs it."""
    import importlib

    try:
        return importlib.import_module("prometheus_client" + (f".{part}" if part else ""))
    except ImportError:
        raise TokenMonitorError("metrics needs the Python package prometheus-client, which is not installed",
                                hint="pip install 'prometheus-client>=0.20' (or reinstall token-monitor with its dependencies)",
                                code="metrics.no-client") from None


def _collector(produce: Callable[[], list[Family]]):
    core = _client("core")
    CounterMetricFamily, GaugeMetricFamily = core.CounterMetricFamily, core.GaugeMetricFamily

    class LedgerCollector:
        """Reads the ledger at every scrape (prometheus-client calls `collect`)."""

        def collect(self):
            for fam in produce():
                cls = CounterMetricFamily if fam.kind == "counter" else GaugeMetricFamily
                # CounterMetricFamily appends `_total` itself; it is part of OpenClaw's names.
                name = fam.name[: -len("_total")] if fam.kind == "counter" else fam.name
                out = cls(name, fam.help, labels=list(fam.labels))
                for values, amount in sorted(fam.samples.items()):
                    out.add_metric(list(values), amount)
                yield out

    return LedgerCollector()


def registry_for(produce: Callable[[], list[Family]]):
    registry = _client().CollectorRegistry(auto_describe=False)
    registry.register(_collector(produce))
    return registry


def exposition(families: list[Family]) -> str:
    """The Prometheus text format (0.0.4) of the families."""
    return _client().generate_latest(registry_for(lambda: families)).decode("utf-8")


def write_textfile(directory: Path, families: list[Family]) -> Path:
    """Write DIR/token_monitor.prom for node_exporter's textfile collector, atomically (temp + rename)."""
    path = directory / TEXTFILE_NAME
    try:
        _client().write_to_textfile(str(path), registry_for(lambda: families))
    except OSError as exc:
        raise UsageError(f"--textfile: cannot write {path} ({exc.strerror or exc})",
                         hint="pass an existing writable directory (node_exporter's --collector.textfile.directory)") from None
    return path


def parse_listen(text: str, *, allow_remote: bool) -> tuple[str, int]:
    """`[HOST:]PORT` -> (host, port); loopback unless `allow_remote`. `[::1]:9464` for IPv6."""
    host, sep, port_text = text.rpartition(":")
    if not sep:
        host, port_text = "127.0.0.1", text
    host = host.strip("[]") or "127.0.0.1"
    try:
        port = int(port_text)
        if not 0 <= port <= 65535:
            raise ValueError
    except ValueError:
        raise UsageError(f"--serve: bad port in {text!r}", hint="give [HOST:]PORT, e.g. --serve 9464 or --serve 127.0.0.1:9464") from None
    if not (allow_remote or _is_loopback(host)):
        raise UsageError(f"--serve: {host} is not a loopback address; the metrics would be reachable from the network",
                         hint="bind 127.0.0.1 (the default), or add --allow-remote to serve beyond this machine")
    return host, port


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def start_server(host: str, port: int, produce: Callable[[], list[Family]]):
    """Serve /metrics on host:port in a daemon thread; returns (server, thread). Port 0 picks a free port."""
    try:
        return _client().start_http_server(port, addr=host, registry=registry_for(produce))
    except OSError as exc:
        raise UsageError(f"--serve: cannot listen on {host}:{port} ({exc.strerror or exc})",
                         hint="pick a free port, or stop what listens there") from None


def textfile_dir(text: str) -> Path:
    path = Path(os.path.expanduser(text))
    if not path.is_dir():
        raise UsageError(f"--textfile: {path} is not a directory", hint="create it, or pass node_exporter's textfile directory")
    return path
