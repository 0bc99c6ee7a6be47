"""Report filters and layout: filters that match case-insensitively and through provider
aliases (and say when they match nothing), truncation that keeps numbers and commands, display width
for CJK/emoji, the exit code and note after a collect that found problems, the "est+?" cost label,
plurals, and argument errors honouring --json."""

from __future__ import annotations

import copy
import json

import pytest

from conftest import ROOT

from token_monitor.report import words
from token_monitor.report import render
from token_monitor.errors import ExitCode

from test_report import GOLDEN, display_width, multi  # noqa: F401 - multi: the seeded multi-agent ledger fixture

LIVE_21 = "agents/main/sessions/86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"
MONTH = ["month", "--now", "2026-03-31T20:00Z", "--json"]


def report_data(name: str = "multi-week-model.json") -> dict:
    return json.loads((GOLDEN / name).read_text())["data"]


def calls_of(cli, state, data, *argv) -> int:
    res = cli("--state-dir", state, "--data-dir", data, "report", *MONTH, *argv)
    assert res.code == 0, res
    return res.json()["data"]["totals"]["calls"]


# --------------------------------------------------------------------------- 1. filters
@pytest.mark.parametrize("wanted,given", [
    (["--provider", "moonshot"], ["--provider", "Moonshot"]),
    (["--provider", "zai"], ["--provider", "Z-AI"]),            # alias: z-ai -> zai
    (["--agent", "main"], ["--agent", "Main"]),
    (["--model", "kimi-k2.5"], ["--model", "Kimi-K2.5"]),
    (["--model", "zai/glm-4.7"], ["--model", "z-ai/GLM-4.7"]),
    (["--session", "release-planning"], ["--session", "Release-Planning"]),
    (["--session", "agent:work:telegram:group:-100123"], ["--session", "Agent:Work:Telegram:Group:-100123"]),
])
def test_filters_ignore_case_and_apply_provider_aliases(cli, multi, wanted, given):
    state, data = multi
    expected = calls_of(cli, state, data, *wanted)
    assert expected > 0
    assert calls_of(cli, state, data, *given) == expected
    # the same through the events alone (a 5:30 zone cannot use the rollups) and over a short window
    for extra in (["--tz", "Asia/Kolkata"], ["--last", "7d"]):
        argv = ["--state-dir", state, "--data-dir", data, "report", "--now", "2026-03-31T20:00Z", "--json", *extra]
        a = cli(*argv, *wanted).json()["data"]["totals"]
        b = cli(*argv, *given).json()["data"]["totals"]
        assert a == b


def test_sessions_and_session_match_ignoring_case(cli, multi):
    state, data = multi
    base = ["--state-dir", state, "--data-dir", data]
    rows = cli(*base, "sessions", "--agent", "WORK", "--json").json()["data"]["sessions"]
    assert rows and {r["agent"] for r in rows} == {"work"}
    res = cli(*base, "session", "Release-Planning", "--json")
    assert res.code == 0, res
    assert res.json()["data"]["session"]["title"] == "work/release-planning"


def test_filter_matching_nothing_says_so(cli, multi):
    state, data = multi
    base = ["--state-dir", state, "--data-dir", data, "report", "month", "--now", "2026-03-31T20:00Z"]
    res = cli(*base, "--provider", "xyz")
    assert res.code == 0, res
    assert "No usage recorded before it either" not in res.out
    line = next(ln for ln in res.out.splitlines() if "xyz" in ln)
    assert line.startswith("No provider 'xyz' in the ledger; known: ")
    assert "moonshot" in line and "anthropic" in line
    assert display_width(line) <= render.MAX_COLS
    res = cli(*base, "--agent", "nobody", "--json")
    assert any("no agent 'nobody' in the ledger; known: " in w for w in res.json()["warnings"]), res
    assert res.json()["data"]["totals"]["calls"] == 0
    res = cli(*base, "--session", "no-such-chat")
    assert "No session matching 'no-such-chat' in the ledger" in res.out
    # a filter that exists but had no usage in the period keeps the plain "no usage" answer
    res = cli("--state-dir", state, "--data-dir", data, "report", "week", "--now", "2026-04-20T12:00Z", "--provider", "MOONSHOT")
    assert "No usage in this period." in res.out and "Last usage:" in res.out


# --------------------------------------------------------------------------- 2. truncation keeps numbers and commands
def test_top_session_line_truncates_the_label_not_the_numbers():
    d = report_data()
    s = dict(d["topSessions"][0], title="main/Família 🎉 group with a very long label that overflows the line")
    d["topSessions"], d["notes"] = [s], []
    line = next(ln for ln in render.render_text(d).splitlines() if ln.startswith("top session:"))
    tail = f" {words.human_tokens(s['totalTokens'])} {render.cost_cell(s)}"
    assert line.endswith(tail) and "…" in line, line
    assert display_width(line) <= render.MAX_COLS


def test_long_note_keeps_its_command():
    d = report_data()
    d["notes"] = [{"code": "freshness", "text": "12 malformed records, 3 unreadable sources on this collect — see: token-monitor diagnose"},
                  {"code": "zero-usage", "text": "moonshot: 12 calls returned no usage; zai: 3 failed; anthropic: 1 call returned no usage; "
                                                 "openrouter: 7 calls returned no usage"}]
    text = render.render_text(d)
    assert "see: token-monitor diagnose" in text
    assert "12 malformed records, 3 unreadable sources" in text
    for ln in text.splitlines():
        assert display_width(ln) <= render.MAX_COLS, ln
    assert len(text.splitlines()) <= render.MAX_LINES


# --------------------------------------------------------------------------- 3. display width
CJK_TITLE = "main/项目周会讨论组：预算与模型选择（长期）"


def test_cjk_and_emoji_labels_fit_by_display_width():
    d = report_data()
    d["topSessions"] = [dict(d["topSessions"][0], title=CJK_TITLE), dict(d["topSessions"][1], title="work/🎉🎉 Família ❤️ 团队")]
    for r in d["rows"]:
        r["label"] = "模型" * 12 + r["label"]
    text = render.render_text(d)
    lines = text.splitlines()
    assert all(display_width(ln) <= render.MAX_COLS for ln in lines), text
    table = lines[lines.index("") + 1: lines.index("", lines.index("") + 1)]
    # right-aligned numeric columns end at the same display column on every row
    assert len({display_width(ln) for ln in table}) == 1, table
    assert render.text_width("模型") == 4 and render.text_width("é") == 1 and render.text_width("e\u0301") == 1
    assert render.text_width("🎉") == 2 and render.text_width("❤️") == 2
    assert display_width(render.fit("中文" * 40)) <= render.MAX_COLS


def test_sessions_text_with_cjk_titles_fits(cli, multi):
    import sqlite3

    state, data = multi
    conn = sqlite3.connect(data / "ledger.sqlite")
    conn.execute("UPDATE sessions SET label = ? WHERE label = 'pager'", ("值班寻呼机🚨🚨群组（运维团队夜间值守专用频道）",))
    conn.commit()
    conn.close()
    for argv in (["sessions"], ["report", "month", "--now", "2026-03-31T20:00Z", "--by", "session"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv)
        assert res.code == 0, res
        assert "值班" in res.out
        assert all(display_width(ln) <= render.MAX_COLS for ln in res.out.splitlines()), res.out


# --------------------------------------------------------------------------- 4. exit code and note after a collect with problems
def test_report_exits_partial_once_for_problems_found_this_collect(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    base = ["--state-dir", state, "--data-dir", data, "report", "--since", "2026-02-04", "--until", "2026-02-06",
            "--now", "2026-02-06T09:00Z"]
    assert cli(*base).code == 0
    path = state / LIVE_21
    path.write_bytes(path.read_bytes() + b"{oops\n")
    res = cli(*base)
    assert res.code == int(ExitCode.PARTIAL), res
    assert "1 malformed record, 0 unreadable sources on this collect" in res.out
    assert "see: token-monitor diagnose" in res.out
    j = cli(*base, "--no-collect", "--json").json()["data"]
    assert j["freshness"]["malformed"] == 1 and j["freshness"]["unreadable"] == 0
    again = cli(*base)                       # the next collect finds nothing new: no note, exit 0
    assert again.code == 0, again
    assert "malformed" not in again.out and "source problem" not in again.out


def test_problem_note_counts_records_and_sources_apart():
    from token_monitor.report.build import build_notes
    from token_monitor.report.totals import Totals

    notes = build_notes({}, {}, Totals(), {"lastCollect": "x", "collectedNow": True, "malformed": 2, "unreadable": 1})
    assert notes[0]["text"] == "2 malformed records, 1 unreadable source on this collect — see: token-monitor diagnose"
    notes = build_notes({}, {}, Totals(), {"lastCollect": "x", "collectedNow": False, "malformed": 1, "unreadable": 0,
                                           "ageSeconds": 60})
    assert notes[0]["text"] == "1 malformed record, 0 unreadable sources on the last collect — see: token-monitor diagnose"


# --------------------------------------------------------------------------- 5. est+? and its legend
def test_estimated_plus_unpriced_keeps_est_marker(cli):
    assert render.cost_cell({"cost": 3.0, "costBasis": {"estimated": 3.0}, "unpricedTokens": 10}) == "$3.00 est+?"
    assert render.cost_cell({"cost": 1.2, "costBasis": {"provider-billed": 1.2}, "unpricedTokens": 10}) == "$1.20 billed+?"
    assert render.cost_cell({"cost": 0.5, "costBasis": {"recorded": 0.5}, "unpricedTokens": 10}) == "$0.50 +?"
    assert render.cost_cell({"cost": 3.0, "costBasis": {"estimated": 3.0}, "unpricedTokens": 0}) == "$3.00 est"
    help_text = cli("report", "--help").out
    assert "+?" in help_text and "unpriced" in help_text.split("+?", 1)[1].splitlines()[0]
    skill = (ROOT / "SKILL.md").read_text()
    bullet = next(ln for ln in skill.splitlines() if ln.startswith("- Costs marked `est`"))
    assert "`+?`" in bullet and "est+?" in bullet


# --------------------------------------------------------------------------- 6. plurals
def test_plurals_in_render():
    d = json.loads((GOLDEN / "multi-week-model.json").read_text())["data"]
    one = {"session": {"title": "main/x", "sessionId": "x", "sessionKey": None, "trigger": "user"}, "timeZone": "UTC",
           "totals": dict(d["totals"], calls=1, totalTokens=1), "byModel": [], "byDay": []}
    text = render.render_session_text(one)
    assert "1 call ·" in text and "1 calls" not in text and "1 token ·" in text
    d = copy.deepcopy(d)
    d["totals"].update(calls=1, sessions=1, totalTokens=1)
    head = render.headline_lines(d)[1]
    assert head.startswith("1 token ·") and "1 call ·" in head and head.endswith("1 session")
    assert words.plural(2, "call") == "2 calls" and words.plural(1, "session") == "1 session"


# --------------------------------------------------------------------------- 7. argument errors honour --json
@pytest.mark.parametrize("argv", [["report", "--top", "0", "--json"], ["report", "--json", "--by"],
                                  ["sessions", "--sort", "size", "--json"], ["--json", "report", "--frobnicate"]])
def test_argument_errors_print_the_json_envelope(cli, argv):
    res = cli(*argv)
    assert res.code == int(ExitCode.USAGE), res
    env = res.json()
    assert env["status"] == "error" and env["data"] is None and env["schema_version"] == 1
    assert env["errors"][0]["code"] == "usage" and env["errors"][0]["message"]
    assert len(res.err.strip().splitlines()) == 1 and res.err.startswith("token-monitor"), res.err
    assert "usage:" not in res.out


def test_argument_errors_without_json_are_one_line(cli):
    res = cli("report", "--top", "0")
    assert res.code == int(ExitCode.USAGE) and res.out == ""
    assert len(res.err.strip().splitlines()) == 1 and "--top" in res.err, res.err
