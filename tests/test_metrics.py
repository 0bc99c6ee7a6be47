"""`token-monitor metrics`: the ledger's totals for Prometheus, checked with prometheus_client's own
parser and, when the `prometheus` binary is installed, by a real Prometheus scraping two hosts."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from conftest import CANARIES, ROOT, load_expected

ALPHA, BETA = "real-2026.9.6", "real-2026.2.1"
WAIT_S = 60


def expected_tokens(corpus: str) -> int:
    exp = load_expected(corpus)
    return sum(v["totalTokens"] for models in (exp.get("groups") or exp["agents"]).values()
               for days in models.values() for v in days.values())


def samples(text: str) -> dict:
    """{(metric, frozenset(labels)): value} via prometheus_client's parser (which rejects malformed text)."""
    out = {}
    for fam in text_string_to_metric_families(text):
        for s in fam.samples:
            key = (s.name, frozenset(s.labels.items()))
            assert key not in out, f"duplicate series {key}"
            out[key] = s.value
    return out


def token_sum(series: dict, **labels) -> float:
    return sum(v for (name, ls), v in series.items() if name == "openclaw_model_tokens_total"
               and all((k, want) in ls for k, want in labels.items()))


@pytest.fixture
def host(cli, corpus_state, tmp_path, monkeypatch):
    def make(name: str, corpus: str) -> tuple[Path, Path]:
        state, data = corpus_state(corpus), tmp_path / f"data-{name}"
        monkeypatch.setenv("TOKEN_MONITOR_HOST", name)
        assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
        return state, data
    return make


def test_metrics_output_parses_and_counts_every_token_once(cli, host):
    state, data = host("alpha", ALPHA)
    res = cli("--state-dir", state, "--data-dir", data, "metrics")
    assert res.code == 0, res
    series = samples(res.out)
    assert token_sum(series, host="alpha") == expected_tokens(ALPHA)
    names = {name for name, _ in series}
    assert {"openclaw_model_tokens_total", "openclaw_model_cost_usd_total", "openclaw_model_call_total"} <= names
    labels = {k for _, ls in series for k, _ in ls}
    assert labels <= {"agent", "channel", "host", "model", "provider", "token_type", "cost_basis", "outcome"}
    exported = [json.loads(x) for x in cli("--state-dir", state, "--data-dir", data, "export", "--no-collect").out.splitlines()]
    session_ids = {e["sessionId"] for e in exported}
    assert not any(v in session_ids for _, ls in series for _, v in ls), "a session id became a label value"
    calls = sum(v for (name, _), v in series.items() if name == "openclaw_model_call_total")
    assert calls == len(exported)
    cost = sum(v for (name, _), v in series.items() if name == "openclaw_model_cost_usd_total")
    assert cost == pytest.approx(sum(e["costUsd"] or 0 for e in exported), abs=1e-9)
    assert not any(c in res.out for c in CANARIES)


def test_counters_never_go_down_across_imports_and_collects(cli, host, tmp_path, monkeypatch):
    b_state, b_data = host("beta", BETA)
    export = tmp_path / "beta.jsonl"
    export.write_text(cli("--state-dir", b_state, "--data-dir", b_data, "export").out)
    a_state, a_data = host("alpha", ALPHA)
    first = samples(cli("--state-dir", a_state, "--data-dir", a_data, "metrics").out)
    assert cli("--state-dir", a_state, "--data-dir", a_data, "import", export).code == 0
    second = samples(cli("--state-dir", a_state, "--data-dir", a_data, "metrics").out)
    third = samples(cli("--state-dir", a_state, "--data-dir", a_data, "metrics").out)
    counters = [k for k in first if not k[0].startswith("token_monitor_last")]
    assert all(second[k] >= first[k] for k in counters)
    assert token_sum(second, host="beta") == expected_tokens(BETA)
    assert third == second


def test_textfile_is_written_whole_for_node_exporter(cli, host, tmp_path):
    state, data = host("alpha", ALPHA)
    out = tmp_path / "textfile"
    out.mkdir()
    res = cli("--state-dir", state, "--data-dir", data, "metrics", "--textfile", out)
    assert res.code == 0 and res.out == "", res
    assert [p.name for p in out.iterdir()] == ["token_monitor.prom"]      # no temp file left behind
    assert token_sum(samples((out / "token_monitor.prom").read_text()), host="alpha") == expected_tokens(ALPHA)
    missing = cli("--state-dir", state, "--data-dir", data, "metrics", "--textfile", tmp_path / "nope")
    assert missing.code == 2 and "not a directory" in missing.err


def test_serve_refuses_a_public_address_without_the_explicit_flag(cli, host):
    state, data = host("alpha", ALPHA)
    for where in ("0.0.0.0:9464", "[::]:9464", "192.0.2.1:9464"):
        res = cli("--state-dir", state, "--data-dir", data, "metrics", "--serve", where)
        assert res.code == 2 and "--allow-remote" in res.err, res
    bad = cli("--state-dir", state, "--data-dir", data, "metrics", "--serve", "127.0.0.1:http")
    assert bad.code == 2 and "bad port" in bad.err


# --------------------------------------------------------------------------- real servers
def _env(host_name: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "TOKEN_MONITOR_"))}
    env.update(PYTHONPATH=str(ROOT / "scripts"), TOKEN_MONITOR_HOST=host_name, TZ="UTC")
    return env


def start_serving(data: Path, host_name: str, procs: list) -> int:
    """`metrics --serve 127.0.0.1:0` in a child process; returns the port it printed."""
    proc = subprocess.Popen([sys.executable, "-m", "token_monitor.cli", "--data-dir", str(data), "metrics",
                             "--no-collect", "--serve", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(host_name))
    procs.append(proc)
    line = proc.stdout.readline()          # the child prints its address before serving, or exits
    assert line.startswith("serving http://127.0.0.1:"), (line, proc.poll(), proc.stderr.read() if proc.poll() is not None else "")
    return int(line.split(":")[2].split("/")[0])


def stop(procs: list) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp{,6} (hex, as the kernel shows them)."""
    out = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                out.add(addr)
    return out


def scrape(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as resp:
        return samples(resp.read().decode())


def test_serve_binds_only_where_asked_and_follows_the_ledger(cli, host, tmp_path, monkeypatch):
    b_state, b_data = host("beta", BETA)
    export = tmp_path / "beta.jsonl"
    export.write_text(cli("--state-dir", b_state, "--data-dir", b_data, "export").out)
    _, data = host("alpha", ALPHA)
    procs: list = []
    try:
        port = start_serving(data, "alpha", procs)
        first = scrape(port)
        assert token_sum(first, host="alpha") == expected_tokens(ALPHA)
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"0100007F"}       # 127.0.0.1 only, not 0.0.0.0 or ::
        monkeypatch.setenv("TOKEN_MONITOR_HOST", "alpha")
        assert cli("--data-dir", data, "import", export).code == 0
        second = scrape(port)                                      # the running server sees the import
        assert token_sum(second, host="beta") == expected_tokens(BETA)
        assert all(second[k] >= v for k, v in first.items() if k[0].endswith("_total"))
    finally:
        stop(procs)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PROMETHEUS = shutil.which("prometheus")


@pytest.mark.skipif(PROMETHEUS is None, reason="SKIPPED LOUDLY: no `prometheus` binary on PATH (Debian: apt-get install -y "
                    "prometheus; .ci/run installs it) — the real-Prometheus scrape of two hosts did not run")
def test_real_prometheus_scraping_two_hosts_sums_each_hosts_ledger(host, tmp_path):
    _, a_data = host("alpha", ALPHA)
    _, b_data = host("beta", BETA)
    procs: list = []
    try:
        targets = [f"127.0.0.1:{start_serving(a_data, 'alpha', procs)}", f"127.0.0.1:{start_serving(b_data, 'beta', procs)}"]
        config = tmp_path / "prometheus.yml"
        config.write_text("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
                          "  - job_name: token-monitor\n    static_configs:\n      - targets: " + json.dumps(targets) + "\n")
        port = free_port()
        procs.append(subprocess.Popen(
            [PROMETHEUS, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'prom-data'}",
             f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            stdout=subprocess.DEVNULL, stderr=open(tmp_path / "prometheus.log", "w")))
        query = urllib.parse.quote("sum by (host) (openclaw_model_tokens_total)")
        want = {"alpha": expected_tokens(ALPHA), "beta": expected_tokens(BETA)}
        got: dict = {}
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/query?query={query}", timeout=5) as resp:
                    body = json.load(resp)
                got = {r["metric"]["host"]: float(r["value"][1]) for r in body["data"]["result"]}
                if set(got) == set(want):
                    break
            except OSError:
                pass                      # not listening yet
            assert procs[-1].poll() is None, (tmp_path / "prometheus.log").read_text()
            time.sleep(0.5)
        assert got == want, (got, (tmp_path / "prometheus.log").read_text()[-2000:])
    finally:
        stop(procs)


def test_missing_prometheus_client_is_one_line_with_the_fix(cli, host, monkeypatch):
    state, data = host("alpha", ALPHA)
    for name in [m for m in sys.modules if m == "prometheus_client" or m.startswith("prometheus_client.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "prometheus_client", None)
    res = cli("--state-dir", state, "--data-dir", data, "metrics", "--no-collect")
    assert res.code == 1 and res.out == ""
    assert res.err.strip().count("\n") == 0 and "pip install 'prometheus-client" in res.err


def test_failed_calls_are_the_error_outcome_reports_count(cli, host):
    state, data = host("beta", BETA)
    series = samples(cli("--state-dir", state, "--data-dir", data, "metrics", "--no-collect").out)
    report = cli("--state-dir", state, "--data-dir", data, "report", "--since", "2020-01-01", "--json", "--no-collect")
    totals = report.json()["data"]["totals"]
    errors = sum(v for (name, ls), v in series.items() if name == "openclaw_model_call_total" and ("outcome", "error") in ls)
    assert totals["failedCalls"] > 0 and errors == totals["failedCalls"]
    calls = sum(v for (name, _), v in series.items() if name == "openclaw_model_call_total")
    assert calls == totals["calls"]
