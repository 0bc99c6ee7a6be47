"""`token-monitor metrics`: the ledger's totals for Prometheus — printed, served, or as a textfile."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time

from .. import options
from ..errors import StateNotFoundError, TokenMonitorError
from ..hosts import local_config, local_name, new_host_id
from ..ledger.store import Ledger
from ..report import metrics
from ..sources.openclaw_config import model_prices

NAME = "metrics"
ORDER = 64
HELP = "Prometheus metrics of the ledger's totals (print, --serve PORT, or --textfile DIR)"
DESCRIPTION = """The ledger's all-time totals in the Prometheus text format, under OpenClaw's own metric names
(openclaw_model_tokens_total, openclaw_model_cost_usd_total, openclaw_model_call_total) with a host
label and the cost basis; references/metrics.md lists them. Counters only grow: they are sums over
the ledger, which never deletes a call, so restarts, CLI and cron runs are all counted.
--serve answers GET /metrics (loopback unless --allow-remote); --textfile writes
DIR/token_monitor.prom atomically for node_exporter's textfile collector."""
EPILOG = """examples:
  token-monitor metrics                          print once (collects first)
  token-monitor metrics --serve 9464             serve http://127.0.0.1:9464/metrics
  token-monitor metrics --textfile /var/lib/node_exporter/textfile_collector
(scrape config and queries: references/prometheus.md)"""


def register(p) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--serve", metavar="[HOST:]PORT", help="serve /metrics over HTTP (HOST defaults to 127.0.0.1; port 0 picks one)")
    where.add_argument("--textfile", metavar="DIR", help="write DIR/token_monitor.prom atomically (node_exporter textfile collector)")
    p.add_argument("--allow-remote", action="store_true", help="with --serve: allow a non-loopback address (the metrics have no auth)")
    p.add_argument("--collect-every", type=float, default=60.0, metavar="SECONDS",
                   help="with --serve: collect before a scrape at most this often (default: 60; 0: every scrape)")
    options.add_shared_options(p, "--no-collect")


def run(ctx) -> int:
    a = ctx.args
    listen = metrics.parse_listen(a.serve, allow_remote=a.allow_remote) if a.serve else None
    directory = metrics.textfile_dir(a.textfile) if a.textfile else None
    cfg = local_config(ctx)
    prices = model_prices(cfg or {}, _state_path(ctx))
    source = _Source(ctx, cfg, prices, collect=not a.no_collect)
    if listen is None:
        families = source.families(strict=True)
        if directory is not None:
            metrics.write_textfile(directory, families)
        else:
            sys.stdout.write(metrics.exposition(families))
        return 0
    host, port = listen
    source.families(strict=True)           # a missing or damaged ledger is an error now, not at the first scrape
    server, _thread = metrics.start_server(host, port, lambda: source.families(strict=False, every_s=a.collect_every))
    shown = f"[{host}]" if ":" in host else host
    print(f"serving http://{shown}:{server.server_port}/metrics (Ctrl-C stops)", flush=True)
    try:
        threading.Event().wait()
    finally:
        server.shutdown()
    return 0


def _state_path(ctx):
    try:
        return ctx.state.path
    except StateNotFoundError:
        return None


class _Source:
    """The ledger's metric families, collecting first when asked (at most every `every_s` when serving)."""

    def __init__(self, ctx, cfg, prices, *, collect: bool):
        self.ctx, self.cfg, self.prices, self.collect = ctx, cfg, prices, collect
        self.host_name = local_name(ctx.env, cfg)       # once: every scrape names the host with it
        self.lock = threading.Lock()
        self.last_collect = None
        self.cached: tuple | None = None       # (ledger change stamp, families): a big ledger is re-read only after a change

    def families(self, *, strict: bool, every_s: float = 0.0) -> list:
        with self.lock:
            try:
                self._collect_if_due(every_s)
                ledger = Ledger.open(self.ctx.data_dir, create=False)
                try:
                    try:
                        ledger.local_host(self.host_name, new_id=new_host_id(), at_ms=self.ctx.now_ms())
                    except sqlite3.OperationalError:     # a read-only data dir: the host keeps its stored name
                        pass
                    stamp = ledger.change_stamp()
                    if self.cached is not None and self.cached[0] == stamp:
                        return self.cached[1]
                    rows = [metrics.TotalRow(host, agent, channel, provider, model, cls, last, tuple(sums))
                            for host, agent, channel, provider, model, cls, last, *sums in ledger.metric_totals()]
                finally:
                    ledger.close()
            except TokenMonitorError as exc:
                if strict:
                    raise
                # A scrape must not take the server down: say why on stderr, answer with what we last knew.
                print(f"token-monitor: metrics: {exc.one_line()}", file=sys.stderr, flush=True)
                return self.cached[1] if self.cached else []
            families = metrics.metric_families(rows, self.prices)
            self.cached = (stamp, families)
            return families

    def _collect_if_due(self, every_s: float) -> None:
        if not self.collect:
            return
        now = time.monotonic()
        if self.last_collect is not None and now - self.last_collect < every_s:
            return
        from ..collect.collector import collect

        try:
            state = self.ctx.state.path
        except StateNotFoundError:
            if getattr(self.ctx.args, "state_dir", None):
                raise
            self.collect = False        # a machine that only imports other hosts' exports: nothing to collect
            return
        collect(state, self.ctx.data_dir, host_name=self.host_name)
        self.last_collect = now
