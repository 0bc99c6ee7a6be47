"""`report --chart`: a PNG a phone can read, from a real OpenClaw ledger, announced by a MEDIA: line that
OpenClaw turns into an attachment (references/charts.md); drawn text checked through matplotlib's own
text objects, pixels against a golden image with a tolerance."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import struct
from pathlib import Path

import pytest

from conftest import ROOT
from token_monitor.ledger import usage
from token_monitor.ledger.store import Ledger
from token_monitor.model import Filters
from token_monitor.report import chart, periods
from token_monitor.report.prices import load_prices
from token_monitor.report.totals import grouped_totals
from token_monitor.sources.openclaw_config import load_config, model_prices

GOLDEN = ROOT / "tests" / "golden" / "chart"
NOW = {"real-2026.9.6": "2026-11-29T12:00", "real-2026.6.11": "2026-12-06T23:00"}
MODELS_9_6 = {"kimi-k2.5", "claude-sonnet-4-6", "glm-4.7", "glm-4.5-air"}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def ink_share(path: Path) -> float:
    """Share of pixels that are not (near) white: a blank canvas has ~0."""
    from PIL import Image

    img = Image.open(path).convert("L")
    hist = img.histogram()
    return 1 - sum(hist[245:]) / (img.width * img.height)


def run_chart(cli, corpus_state, tmp_path, corpus, period, *extra):
    state, data = corpus_state(corpus), tmp_path / "data"
    out = tmp_path / f"{period}.png"
    res = cli("--state-dir", state, "--data-dir", data, "report", period, "--now", NOW[corpus], "--tz", "UTC",
              "--chart", out, *extra)
    return res, out, state, data


@pytest.mark.parametrize("period", ["week", "month"])
def test_week_and_month_charts_from_a_real_ledger_are_phone_sized_and_not_blank(cli, corpus_state, tmp_path, period):
    res, out, _, _ = run_chart(cli, corpus_state, tmp_path, "real-2026.9.6", period)
    assert res.code == 0, res
    assert png_size(out) == (1080, 1080)            # 1:1 on a 1080-px phone, under OpenClaw's 2048-px limit
    assert ink_share(out) > 0.05
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_text_output_ends_with_the_media_line_and_json_carries_the_path(cli, corpus_state, tmp_path):
    res, out, state, data = run_chart(cli, corpus_state, tmp_path, "real-2026.9.6", "week")
    last = res.out.rstrip("\n").splitlines()[-1]
    assert last == f"MEDIA:{out}"                   # plain, own line, absolute: OpenClaw's parser takes it
    assert "MEDIA:" not in "".join(res.out.splitlines()[:-1])
    js = cli("--state-dir", state, "--data-dir", data, "report", "week", "--now", NOW["real-2026.9.6"], "--tz", "UTC",
             "--chart", out, "--json").json()
    assert js["data"]["chart"] == {"path": str(out), "media": f"MEDIA:{out}", "width": 1080, "height": 1080,
                                   "metric": "cost"}
    assert "MEDIA:" not in js["warnings"]


def test_chart_draws_title_axes_and_one_legend_entry_per_model(corpus_state, tmp_path, cli):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    tz = dt.timezone.utc
    now = dt.datetime(2026, 11, 29, 12, tzinfo=tz)
    for kind, x_label in (("week", "day"), ("today", "hour"), ("month", "day")):
        window = periods.period_window(kind, now=now if kind != "today" else now.replace(day=28), tz=tz)
        ledger = Ledger.open(data, create=False)
        try:
            query = usage.ledger_query(ledger)
            prices = load_prices(model_prices(load_config(state / "openclaw.json"), state), ledger, now=now, cache_dir=data)
            dim, _ = chart.chart_buckets(window, tz)
            groups = grouped_totals(query, [dim, "model"], start_ms=window.start_ms, end_ms=window.end_ms,
                                    filters=Filters(), prices=prices,
                                    segments=periods.offset_segments(window.start_ms, window.end_ms, tz))
        finally:
            ledger.close()
        spec = chart.report_chart_spec(groups, window=window, tz=tz, tz_name="UTC", metric="tokens",
                                       headline="41.3K tokens · $0.033", span="23–29 Nov 2026")
        info = chart.render_png(spec, tmp_path / f"{kind}.png")
        texts = info["texts"]
        assert spec.title in texts and "23–29 Nov 2026 · UTC" in texts
        assert x_label in texts and "tokens" in texts
        legend = {n for n, _ in spec.series}
        assert legend <= set(texts) and legend <= MODELS_9_6 and legend
        if kind == "week":
            assert {"Mon 23", "Sat 28", "Sun 29"} <= set(texts) and legend == MODELS_9_6
        if kind == "today":
            assert len(spec.x_labels) == 24 and "00" in texts
        assert spec.total == sum(t.total_tokens for t in groups.values())


def test_week_chart_matches_its_golden_image(cli, corpus_state, tmp_path, update_golden):
    from matplotlib.testing.compare import compare_images

    res, out, _, _ = run_chart(cli, corpus_state, tmp_path, "real-2026.9.6", "week")
    assert res.code == 0
    golden = GOLDEN / "real-2026.9.6-week.png"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, golden)
        return
    # A small RMS tolerance absorbs anti-aliasing differences between FreeType builds, not a changed chart.
    assert compare_images(str(golden), str(out), tol=6) is None


def test_default_location_is_the_openclaw_temp_root_and_old_charts_go(cli, corpus_state, tmp_path, monkeypatch):
    root = tmp_path / "openclaw-tmp"
    monkeypatch.setattr(chart, "openclaw_temp_root", lambda env, uid, **kw: (root, True))
    folder = root / "token-monitor"
    folder.mkdir(parents=True)
    stale = folder / f"{chart.CHART_PREFIX}week-old.png"
    stale.write_bytes(b"old")
    os.utime(stale, (1, 1))
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    res = cli("--state-dir", state, "--data-dir", data, "report", "--now", "2026-11-28T20:00", "--tz", "UTC", "--chart")
    assert res.code == 0, res
    path = Path(res.out.rstrip("\n").splitlines()[-1].removeprefix("MEDIA:"))
    assert path.parent == folder and path.is_file() and path.name.startswith(chart.CHART_PREFIX + "today-")
    assert not stale.exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_unwritable_chart_path_is_one_line_with_the_fix(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    (tmp_path / "file").write_text("x")
    res = cli("--state-dir", state, "--data-dir", data, "report", "--chart", tmp_path / "file" / "c.png")
    assert res.code == 2 and len(res.err.strip().splitlines()) == 1 and "cannot write the chart" in res.err
    bad = cli("--state-dir", state, "--data-dir", data, "report", "--chart", tmp_path / "c.jpg")
    assert bad.code == 2 and "PNG" in bad.err


def test_other_commands_do_not_import_matplotlib(cli, corpus_state, tmp_path):
    import subprocess
    import sys

    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    code = ("import sys; from token_monitor.cli import main; main(['--state-dir', sys.argv[1], '--data-dir', sys.argv[2], "
            "'report', 'week', '--json']); assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    res = subprocess.run([sys.executable, "-c", code, str(state), str(data)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")}, timeout=120)
    assert res.returncode == 0, res.stderr


# ---------------------------------------------------------------- what real OpenClaw did with it
TURN = ROOT / "tests" / "fixtures" / "agent-turn-chart"


@pytest.mark.parametrize("run", ["default", "strict"])
def test_openclaw_attached_the_chart_our_media_line_named(run):
    import json

    requests = json.loads((TURN / run / "model-requests.json").read_text())
    call, after = requests[0], requests[1]
    assert call["tool_call"]["name"] == "exec" and call["tool_call"]["arguments"]["command"].endswith("report week --chart")
    ours = after["tool_result_text"].rstrip("\n").splitlines()
    media = ours[-1]
    assert media.startswith("MEDIA:/") and not any(l.startswith("MEDIA:") for l in ours[:-1])
    path = media.removeprefix("MEDIA:")
    result = json.loads((TURN / run / "10-agent-exec-chart.agent-result.json").read_text())
    [payload] = result["payloads"]
    assert result["status"] == "ok" and payload["mediaUrls"] == [path] and payload["mediaUrl"] == path
    assert "MEDIA:" not in payload["text"] and media in result["finalAssistantRawText"]
    assert f"Attachment: {path}" in (TURN / run / "gateway-attachment-lines.txt").read_text()


def test_our_default_folder_is_the_temp_root_openclaw_used_in_that_run():
    """The harness mounted /tmp/openclaw read-only (owned by uid 0, 0700, not writable): OpenClaw fell back to
    $TMPDIR/openclaw-0, and the rule in chart.openclaw_temp_root gives the same folder."""
    import json

    after = json.loads((TURN / "default" / "model-requests.json").read_text())[1]
    path = Path(after["tool_result_text"].rstrip("\n").splitlines()[-1].removeprefix("MEDIA:"))
    root, preferred = chart.openclaw_temp_root(
        {"TMPDIR": "/home/openclaw/.tmp"}, uid=0,
        lstat=lambda p: type("st", (), {"st_mode": stat.S_IFDIR | 0o700, "st_uid": 0})(),
        access=lambda p, mode: p != "/tmp/openclaw")
    assert (root, preferred) == (Path("/home/openclaw/.tmp/openclaw-0"), False)
    assert path.parent == root / "token-monitor"
    listing = (TURN / "default" / "tmpdir-ls.txt").read_text()
    assert "-rw------- 1 root root" in listing and path.name in listing
