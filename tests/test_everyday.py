"""Everyday questions answered right and in the user's language.

- What people write for a period or a point in time maps to one exact window at a fixed --now and
  zone (English and Chinese); anything ambiguous or unread exits 2 with a suggestion, never a guess.
- Every intent SKILL.md lists has an English and a Chinese phrasing that SKILL.md maps to a command
  that runs on the demo.
- Alert paragraphs come in the chosen language (`--lang`, remembered by `schedule --apply --lang`).
- Words never overclaim: cost labels follow the mix, "+?" stays, hidden rows say so, projections wait.
- Every command's --json (success and error) validates against references/json-schemas/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import stat
from pathlib import Path

import pytest

from conftest import ROOT
from schemas import SCHEMAS
from schemas import validate as validate_envelope
from test_diagnose import write_legacy
from test_ops_heartbeat_alerts import MiniState, heartbeat, mini  # noqa: F401 - mini: a tiny state fixture
from test_ops_schedule import env  # noqa: F401 - the fake openclaw/crontab environment fixture
from token_monitor import i18n
from token_monitor.ops import budget as bmod
from token_monitor.report import render

NOW = "2026-12-09T10:30:00+08:00"           # a Wednesday, in Shanghai
TZ = "Asia/Shanghai"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A tiny real-format state with one call, collected once (windows are what these tests read)."""
    root = tmp_path_factory.mktemp("everyday")
    s = MiniState(root / "state")
    s.call(cost=0.25, at=dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.timezone.utc))
    s.args = ("--state-dir", str(s.root), "--data-dir", str(root / "data"))
    return s


@pytest.fixture(scope="module")
def demo_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-cache")


@pytest.fixture
def demo(demo_cache, monkeypatch, tmp_path):
    """The bundled demo, materialised once for this module (XDG cache), with a private ledger per test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(demo_cache))
    return ("--demo", "always", "--data-dir", str(tmp_path / "demo-data"))


def window_of(cli, small, *argv: str) -> tuple[str, str]:
    res = cli(*small.args, "report", *argv, "--now", NOW, "--tz", TZ, "--json")
    assert res.code == 0, res
    validate_envelope(res.json(), "report")
    w = res.json()["data"]["window"]
    return w["start"], w["end"]


# --------------------------------------------------------------------------- phrases -> exact windows
SINCE = [
    ("2026-11-01", "2026-11-01T00:00"), ("2026-11-01T08:00", "2026-11-01T08:00"),
    ("2026-11-01 08:00+01:00", "2026-11-01T15:00"), ("2026-11-01T00:00Z", "2026-11-01T08:00"),
    ("2026-11", "2026-11-01T00:00"), ("2026/11/05", "2026-11-05T00:00"),
    ("today", "2026-12-09T00:00"), ("yesterday", "2026-12-08T00:00"), ("今天", "2026-12-09T00:00"),
    ("昨天", "2026-12-08T00:00"), ("前天", "2026-12-07T00:00"),
    ("monday", "2026-12-07T00:00"), ("Mon", "2026-12-07T00:00"), ("wednesday", "2026-12-09T00:00"),
    ("thursday", "2026-12-03T00:00"), ("周一", "2026-12-07T00:00"), ("星期五", "2026-12-04T00:00"),
    ("上周一", "2026-11-30T00:00"),
    ("this week", "2026-12-07T00:00"), ("last week", "2026-11-30T00:00"), ("上周", "2026-11-30T00:00"),
    ("本周", "2026-12-07T00:00"), ("this month", "2026-12-01T00:00"), ("last month", "2026-11-01T00:00"),
    ("Last Month", "2026-11-01T00:00"), ("上个月", "2026-11-01T00:00"), ("本月", "2026-12-01T00:00"),
    ("this year", "2026-01-01T00:00"), ("去年", "2025-01-01T00:00"),
    ("Nov", "2026-11-01T00:00"), ("November", "2026-11-01T00:00"), ("march", "2026-03-01T00:00"),
    ("Dec", "2026-12-01T00:00"), ("11月", "2026-11-01T00:00"), ("Nov 2025", "2025-11-01T00:00"),
    ("2026年11月", "2026-11-01T00:00"), ("Nov 1", "2026-11-01T00:00"), ("1 Nov", "2026-11-01T00:00"),
    ("November 1st 2026", "2026-11-01T00:00"), ("Dec 25", "2025-12-25T00:00"), ("11月1日", "2026-11-01T00:00"),
    ("2026年11月1日", "2026-11-01T00:00"), ("3 days ago", "2026-12-06T10:30"), ("2 hours ago", "2026-12-09T08:30"),
    ("3天前", "2026-12-06T10:30"), ("2小时前", "2026-12-09T08:30"), ("1 week ago", "2026-12-02T10:30"),
    ("2个月前", "2026-10-09T10:30"), ("yesterday 18:00", "2026-12-08T18:00"), ("Nov 1 8am", "2026-11-01T08:00"),
    ("08:00", "2026-12-09T08:00"),
]


@pytest.mark.parametrize("phrase,start", SINCE, ids=[p for p, _ in SINCE])
def test_since_phrase_means_one_exact_start(cli, small, phrase, start):
    got_start, got_end = window_of(cli, small, "--since", phrase)
    assert got_start == start + ":00+08:00"
    assert got_end == NOW                                  # up to now


WINDOWS = [
    (["last-month"], ("2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")),
    (["上个月"], ("2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")),
    (["last-week"], ("2026-11-30T00:00:00+08:00", "2026-12-07T00:00:00+08:00")),
    (["上周"], ("2026-11-30T00:00:00+08:00", "2026-12-07T00:00:00+08:00")),
    (["本月"], ("2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00")),
    (["--last", "3h"], ("2026-12-09T07:30:00+08:00", NOW)),
    (["--last", "3小时"], ("2026-12-09T07:30:00+08:00", NOW)),
    (["--since", "last month", "--until", "this month"], ("2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")),
    (["--since", "上个月", "--until", "本月"], ("2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")),
    (["--since", "2026-11-01", "--until", "Nov 16"], ("2026-11-01T00:00:00+08:00", "2026-11-16T00:00:00+08:00")),
]


@pytest.mark.parametrize("argv,window", WINDOWS, ids=[" ".join(a) for a, _ in WINDOWS])
def test_period_phrase_means_one_exact_window(cli, small, argv, window):
    assert window_of(cli, small, *argv) == window


SESSION_PERIOD_WORDS = [
    ("last-month", ["上个月", "上月", "last month", "Last-Month"]),
    ("last-week", ["上周", "上星期", "last week"]),
    ("week", ["本周", "this week"]),
    ("today", ["今天"]),
    ("all", ["ALL"]),
]


@pytest.mark.parametrize("canonical,words", SESSION_PERIOD_WORDS, ids=[c for c, _ in SESSION_PERIOD_WORDS])
def test_sessions_take_the_period_words_report_takes(cli, small, canonical, words):
    base = [*small.args, "sessions", "--now", NOW, "--tz", TZ, "--json"]
    want = cli(*base, canonical)
    assert want.code == 0, want
    validate_envelope(want.json(), "sessions")
    # the one call (20 Nov) is in last month and all time, in no other of these periods
    assert want.json()["data"]["total"] == (1 if canonical in ("last-month", "all") else 0)
    for word in words:
        got = cli(*base, word)
        assert got.code == 0 and got.json()["data"] == want.json()["data"], (word, got)


def test_sessions_unknown_period_word_exits_2_with_a_suggestion(cli, small):
    res = cli(*small.args, "sessions", "last-wek", "--now", NOW)
    assert res.code == 2 and res.out == "" and "did you mean 'last-week'" in res.err, res


def test_header_names_the_exact_window(cli, small):
    out = cli(*small.args, "report", "--since", "Nov", "--now", NOW, "--tz", TZ).out
    assert out.splitlines()[0].startswith("Range · 1 Nov 00:00 – 9 Dec 10:30 · Asia/Shanghai")
    out = cli(*small.args, "report", "last-month", "--now", NOW, "--tz", TZ).out
    assert out.splitlines()[0].startswith("Last month · Nov 2026 · Asia/Shanghai")


AMBIGUOUS = [
    ("--since", "11/12", "2026-11-12 or 2026-12-11"),
    ("--since", "last monday", "write 'monday'"),
    ("--since", "3 days", "did you mean '3 days ago'"),
    ("--since", "3天", "did you mean '3天前'"),
    ("--since", "lsat month", "did you mean 'last month'"),
    ("--since", "Novembr", "did you mean 'november'"),
    ("--since", "Nov 31", "there is no November 31"),
    ("--since", "2026-13-01", "not a valid date"),
    ("--until", "25:00", "not a time of day"),
    ("--since", "soon", "accepted: 2026-11-01"),
    ("period", "last-wek", "did you mean 'last-week'"),
    ("--tz", "Asia/Shanghia", "IANA name"),
]


@pytest.mark.parametrize("option,value,suggestion", AMBIGUOUS, ids=[v for _, v, _ in AMBIGUOUS])
def test_ambiguous_or_unread_phrase_exits_2_with_a_suggestion(cli, small, option, value, suggestion):
    argv = [value] if option == "period" else [option, value]
    res = cli(*small.args, "report", *argv, "--now", NOW, "--no-collect")
    assert res.code == 2 and res.out == ""
    assert len(res.err.strip().splitlines()) == 1 and " — " in res.err and suggestion in res.err, res.err
    as_json = cli(*small.args, "report", *argv, "--now", NOW, "--no-collect", "--json")
    assert as_json.code == 2
    validate_envelope(as_json.json(), "report")


# --------------------------------------------------------------------------- time zones
@pytest.mark.parametrize("given,shown", [("asia/shanghai", "Asia/Shanghai"), ("EUROPE/BERLIN", "Europe/Berlin"),
                                         ("UTC+8", "UTC+08:00"), ("+08:00", "UTC+08:00"), ("utc", "UTC"),
                                         ("GMT-5", "UTC-05:00"), ("+0530", "UTC+05:30")])
def test_tz_accepts_names_in_any_case_and_fixed_offsets(cli, small, given, shown):
    d = cli(*small.args, "report", "--tz", given, "--now", NOW, "--json", "--no-collect").json()["data"]
    assert d["window"]["timeZone"] == shown and d["window"]["timeZoneSource"] == "--tz"
    first = cli(*small.args, "report", "--tz", given, "--now", NOW, "--no-collect").out.splitlines()[0]
    assert first.endswith(f"· {shown}")


def test_fixed_offset_day_starts_at_local_midnight(cli, small):
    assert window_of(cli, small, "today")[0] == "2026-12-09T00:00:00+08:00"
    d = cli(*small.args, "report", "--tz", "UTC+8", "--now", NOW, "--json", "--no-collect").json()["data"]
    assert d["window"]["start"] == "2026-12-09T00:00:00+08:00"


def test_header_says_when_the_zone_is_the_hosts_default(cli, small):
    first = cli(*small.args, "report", "--now", NOW, "--no-collect").out.splitlines()[0]
    assert first.endswith("· UTC (host)")


# --------------------------------------------------------------------------- SKILL.md intents
def skill_rows() -> list[tuple[str, str]]:
    text = (ROOT / "SKILL.md").read_text(encoding="utf-8")
    section = text.split("## What the user says → what to run", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| ") and len(cells) == 2 and not cells[0].startswith("---") and cells[1] != "run":
            rows.append((cells[0], cells[1]))
    return rows


INTENTS = [
    ("token usage today", "report today"), ("今天用了多少 token", "report today"), ("花了多少钱", "report today"),
    ("yesterday", "report yesterday"), ("昨天", "report yesterday"),
    ("this week", "report week"), ("这周花了多少", "report week"),
    ("this month", "report month"), ("本月花了多少钱", "report month"),
    ("last week", "report last-week"), ("上周", "report last-week"),
    ("last month", "report last-month"), ("上个月", "report last-month"),
    ("which model costs most", "report --by model"), ("哪个模型最贵", "report --by model"),
    ("by agent", "report --by agent"), ("哪个代理用得最多", "report --by agent"),
    ("by provider", "report --by provider"), ("按服务商", "report --by provider"),
    ("by channel", "report --by channel"), ("按渠道", "report --by channel"),
    ("what do heartbeats/cron cost", "report week --by trigger"), ("心跳花了多少", "report week --by trigger"),
    ("定时任务花了多少", "report week --by trigger"),
    ("last 3 hours", "report --last 3h"), ("最近3小时", "report --last 3h"),
    ("since Monday", "report --since monday"), ("从周一开始", "report --since monday"),
    ("sessions", "sessions"), ("哪些对话用得最多", "sessions"), ("会话", "sessions"),
    ("export my usage", "export --format csv --output FILE"), ("导出", "export --format csv --output FILE"),
    ("my budgets", "budget status"), ("我的预算", "budget status"),
    ("budget $5 a day", "budget set daily 5"), ("每天预算 5 美元", "budget set daily 5"),
    ("alert me", "schedule --apply --lang LANG"), ("提醒我", "schedule --apply --lang LANG"),
    ("numbers look wrong", "diagnose"), ("为什么是 0", "diagnose"),
]
RUNNER = "uv run {baseDir}/scripts/token-monitor.py "


@pytest.mark.parametrize("phrase,command", INTENTS, ids=[p for p, _ in INTENTS])
def test_skill_maps_each_phrase_to_its_command(phrase, command):
    rows = [run for said, run in skill_rows() if f'"{phrase}"' in said]
    assert len(rows) == 1, f"SKILL.md needs exactly one row saying \"{phrase}\" (found {len(rows)})"
    commands = [c.removeprefix(RUNNER) for c in re.findall(r"`([^`]+)`", rows[0])]
    assert any(c == command or c.startswith(command + " ") or c == "token-monitor " + command for c in commands), rows[0]


@pytest.mark.parametrize("command", sorted({c for _, c in INTENTS if not c.startswith("schedule")}))
def test_skill_commands_run_on_the_demo(cli, demo, tmp_path, command):
    argv = [a.replace("FILE", str(tmp_path / "usage.csv")) for a in shlex.split(command)]
    res = cli(*demo, *argv)
    assert res.code in (0, 6, 7), res              # 6: diagnose findings, 7: budget status with an alert due
    assert "Traceback" not in res.err


def test_skill_tells_the_agent_about_zone_and_language():
    text = (ROOT / "SKILL.md").read_text(encoding="utf-8")
    assert "--tz" in text and "userTimezone" in text and "(host)" in text
    assert "--lang zh-CN" in text and "relay" in text.lower()


# --------------------------------------------------------------------------- language
def test_heartbeat_alert_in_chinese_with_lang_zh_cn(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "1").code == 0
    mini.call(cost=1.20)
    out = heartbeat(cli, mini, "--lang", "zh-CN")
    assert out.startswith("token-monitor: ") and len(out.strip().splitlines()) == 1
    assert "每日" in out and "全部用量" in out and "已超出上限（120%）" in out and "今天已用 $1.20，上限 $1.00" in out
    assert not re.search(r"\b(Your|budget|used|today)\b", out), out
    assert out.rstrip().endswith("。")


def test_heartbeat_alert_stays_english_by_default(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "1").code == 0
    mini.call(cost=0.85)
    out = heartbeat(cli, mini)
    assert "Your daily token-monitor budget for all usage has reached 85%: $0.85 of $1.00 used today (UTC)" in out
    assert not re.search(r"[\u4e00-\u9fff]", out)


def test_numbers_read_the_same_in_every_language(cli, mini):
    st = bmod.BudgetStatus(bmod.Budget(1, "weekly", "tokens", 2_000_000), 1_700_000, 85.0, 2_340_000.0, 3,
                           dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc), dt.datetime(2026, 12, 14, tzinfo=dt.timezone.utc), "W")
    en = bmod.alert_sentence(st, "UTC", i18n.translations("en"))
    zh = bmod.alert_sentence(st, "UTC", i18n.translations("zh-CN"))
    for number in ("1.7M tokens", "2M tokens", "85%", "2.34M tokens", "3"):
        assert number in en and number in zh
    assert "3 calls had no price and are not counted" in en and "另有 3 次调用没有价格" in zh
    assert "on pace for 2.34M tokens by end of week" in en and "本周结束时将达到 2.34M tokens" in zh


def test_schedule_apply_lang_is_remembered_by_scheduled_runs(cli, env):  # noqa: F811
    env.use("crontab")
    res = cli(*env.args, "schedule", "--apply", "--lang", "zh-Hans-CN", "--json")
    assert res.code == 0 and res.json()["data"]["lang"] == "zh-CN"
    validate_envelope(res.json(), "schedule")
    settings = env.data / "settings.json"
    assert json.loads(settings.read_text())["lang"] == "zh-CN"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert cli(*env.args, "schedule", "--json").json()["data"]["lang"] == "zh-CN"     # remembered
    # a scheduled run (no --lang) writes in the stored language
    s = MiniState(env.state.parent / "state2")
    args = ("--state-dir", str(s.root), "--data-dir", str(env.data))
    assert cli(*args, "budget", "set", "daily", "1").code == 0
    s.call(cost=2.0)
    out = cli(*args, "collect", "--heartbeat", "--tz", "UTC").out
    assert "已超出上限" in out, out
    s.call(cost=0.5)
    s.call(cost=0.5, provider="other", model="m2")            # nothing new is due: quiet, whatever the language
    assert cli(*args, "collect", "--heartbeat", "--tz", "UTC").out == "NO_REPLY\n"


@pytest.mark.parametrize("tag,message", [("fr", "available: en, zh-CN"), ("12", "not a language tag"),
                                         ("zh-TW", "no zh-TW translation")])
def test_unknown_language_is_exit_2_naming_what_exists(cli, mini, tag, message):
    res = cli(*mini.args, "collect", "--heartbeat", "--lang", tag)
    assert res.code == 2 and message in res.err and res.out == ""


def test_catalogue_is_text_complete_and_keeps_placeholders():
    po = ROOT / "scripts" / "token_monitor" / "locale" / "zh_CN.po.txt"
    assert po.suffix == ".txt" and not list(po.parent.glob("*.mo"))      # ClawHub publishes text extensions only
    entries = i18n.parse_po(po.read_text(encoding="utf-8"))
    used = set()
    for path in (ROOT / "scripts" / "token_monitor" / "ops").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        for m in re.finditer(r'\.(n?gettext)\(((?:\s*"(?:[^"\\]|\\.)*"\s*)+)(?:,\s*((?:\s*"(?:[^"\\]|\\.)*"\s*)+))?', src):
            one = "".join(json.loads(x) for x in re.findall(r'"(?:[^"\\]|\\.)*"', m.group(2)))
            if m.group(1) == "ngettext":
                one += "\0" + "".join(json.loads(x) for x in re.findall(r'"(?:[^"\\]|\\.)*"', m.group(3)))
            used.add(one)
    assert len(used) >= 15
    missing = used - set(entries)
    assert not missing, f"untranslated: {missing}"
    for key in used:
        for text in entries[key]:
            assert sorted(re.findall(r"%\(\w+\)s", text)) == sorted(set(re.findall(r"%\(\w+\)s", key.split("\0")[0]))), key


# --------------------------------------------------------------------------- words that never overclaim
@pytest.mark.parametrize("row,cell", [
    ({"cost": 33.80, "costBasis": {"recorded": 33.60, "provider-billed": 0.20}, "unpricedTokens": 10}, "$33.80 mixed+?"),
    ({"cost": 0.20, "costBasis": {"provider-billed": 0.20}, "unpricedTokens": 0}, "$0.20 billed"),
    ({"cost": 3.0, "costBasis": {"estimated": 3.0}, "unpricedTokens": 5}, "$3.00 est+?"),
    ({"cost": 3.0, "costBasis": {"recorded": 3.0, "zero-priced": 0.0}, "unpricedTokens": 0}, "$3.00"),
    ({"cost": 3.0, "costBasis": {"recorded": 2.0, "estimated": 1.0}, "unpricedTokens": 0}, "$3.00 mixed"),
])
def test_cost_label_reflects_the_mix(row, cell):
    assert render.cost_cell(row) == cell


def test_last_usage_line_keeps_the_unpriced_marker():
    d = {"window": {"title": "Today", "start": "2026-12-09T00:00:00+00:00", "end": "2026-12-10T00:00:00+00:00",
                    "kind": "today", "timeZone": "UTC", "timeZoneSource": "--tz"},
         "totals": {"calls": 0}, "lastUsage": {"start": "2026-12-01T00:00:00+00:00", "end": "2026-12-02T00:00:00+00:00",
                                               "kind": "day", "totalTokens": 2000, "calls": 2, "cost": 0.5,
                                               "costBasis": {"recorded": 0.5}, "unpricedTokens": 1000}}
    assert "$0.50 +?" in render.headline_lines(d)[2]


def test_by_session_model_shows_model_rows_or_more(cli, demo):
    d = cli(*demo, "report", "month", "--by", "session,model", "--json").json()["data"]
    lines = cli(*demo, "report", "month", "--by", "session,model").out.splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("session › model"))) + 1:]
    table = table[:next(i for i, x in enumerate(table) if x.startswith("total"))]
    parents = [i for i, x in enumerate(table) if not x.startswith("  ") and not x.startswith("+")]
    assert parents and all(i + 1 < len(table) and table[i + 1].startswith("  ") for i in parents), table
    shown = {x.split()[0] for x in table if x.startswith("  ")}
    models = {c["label"] for r in d["rows"] for c in r.get("children", [])}
    assert shown <= models | {"+2", "+3", "+4", "+5"}


def test_by_day_lists_every_day_or_names_the_folded_ones(cli, demo):
    d = cli(*demo, "report", "month", "--by", "day", "--json").json()["data"]
    last = dt.date.fromisoformat(d["now"][:10])
    expected = [dt.date(last.year, last.month, 1) + dt.timedelta(days=i) for i in range(last.day)]
    keys = []
    for r in d["rows"]:
        if r["key"] is None:
            a, b = dt.date.fromisoformat(r["from"]), dt.date.fromisoformat(r["to"])
            keys += [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
        else:
            keys.append(dt.date.fromisoformat(r["key"]))
    assert keys == expected
    text = cli(*demo, "report", "month", "--by", "day").out
    assert re.search(r"^1–\d+ \w{3} \(\d+ days\)", text, re.M), text


def test_projection_waits_for_a_meaningful_share_of_the_period(cli, small):
    early = cli(*small.args, "report", "week", "--now", "2026-11-16T01:00Z", "--tz", "UTC", "--json").json()["data"]
    assert early["projection"] is None
    later = cli(*small.args, "report", "month", "--now", "2026-11-21T00:00Z", "--tz", "UTC")
    assert "on pace for 1.5K tokens · $0.38 by end of month" in later.out
    d = cli(*small.args, "report", "month", "--now", "2026-11-21T00:00Z", "--tz", "UTC", "--json").json()["data"]
    assert d["projection"]["totalTokens"] == 1500 and d["projection"]["elapsedShare"] == pytest.approx(20 / 30, abs=1e-3)
    assert "on pace" not in cli(*small.args, "report", "month", "--now", "2026-11-02T00:00Z", "--tz", "UTC").out
    start, end = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc), dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)
    assert bmod.project(5.0, start=start, end=end, now=start + dt.timedelta(minutes=15)) is None     # not x672
    assert bmod.project(5.0, start=start, end=end, now=start + dt.timedelta(days=3.5)) == pytest.approx(10.0)


def test_budget_on_a_filter_nothing_matches_warns(cli, small):
    res = cli(*small.args, "budget", "set", "daily", "1", "--model", "claude", "--json")
    assert res.code == 0
    validate_envelope(res.json(), "budget")
    assert any("no model 'claude'" in w and "known: claude-test" in w for w in res.json()["warnings"]), res.json()
    text = cli(*small.args, "budget", "set", "daily", "1", "--model", "claude")
    assert "warning: no model 'claude'" in text.err and "counts nothing" in text.err
    assert cli(*small.args, "budget", "set", "daily", "1", "--model", "claude-test").err == ""
    cli(*small.args, "budget", "remove", "daily", "--model", "claude")
    cli(*small.args, "budget", "remove", "daily", "--model", "claude-test")


def test_demo_budget_status_uses_the_demos_clock(cli, demo):
    now = cli(*demo, "report", "--json").json()["data"]["now"]
    cli(*demo, "budget", "set", "daily", "100")
    st = cli(*demo, "budget", "status", "--json").json()["data"]["budgets"][0]
    assert st["periodKey"] == now[:10] and st["used"] > 0


def test_export_output_writes_atomically_privately_and_says_one_line(cli, small, tmp_path):
    target = tmp_path / "out" / "usage.csv"
    res = cli(*small.args, "export", "--format", "csv", "--since", "Nov", "--tz", "UTC", "--output", target)
    assert res.code == 0 and len(res.out.strip().splitlines()) == 1 and res.err == ""
    assert res.out.startswith(f"exported 1 call as CSV to {target}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == cli(*small.args, "export", "--format", "csv", "--since", "Nov", "--tz", "UTC").out
    assert [p.name for p in target.parent.iterdir()] == ["usage.csv"]                  # no temporary left behind
    assert cli(*small.args, "export", "--output", tmp_path).code == 2                  # a directory


# --------------------------------------------------------------------------- every --json validates
def test_every_command_json_validates_on_success_and_error(cli, small, demo, env, tmp_path):  # noqa: F811
    outputs = []

    def run(*argv, codes=(0,)):
        res = cli(*argv)
        assert res.code in codes, res
        outputs.append((argv, res.json()))

    run(*demo, "report", "--json")
    run(*demo, "report", "month", "--by", "agent,model", "--json")
    run(*demo, "report", "last-month", "--by", "day", "--json")
    run(*demo, "sessions", "--json")
    run(*demo, "sessions", "week", "--json")
    sid = outputs[-2][1]["data"]["sessions"][0]["sessionId"]
    run(*demo, "session", sid, "--json")
    run(*demo, "collect", "--json")
    run(*demo, "diagnose", "--json", codes=(0, 6))
    run(*demo, "budget", "set", "daily", "0.001", "--json")
    run(*demo, "budget", "set", "weekly", "5", "--model", "nope", "--json")
    run(*demo, "budget", "list", "--json")
    run(*demo, "budget", "status", "--json", codes=(7,))
    run(*demo, "budget", "remove", "1", "--json")
    run(*demo, "export", "--output", tmp_path / "e.jsonl", "--json")
    run(*small.args, "collect", "--heartbeat", "--json")
    m = MiniState(tmp_path / "alerting")
    margs = ("--state-dir", str(m.root), "--data-dir", str(tmp_path / "alerting-data"))
    cli(*margs, "budget", "set", "daily", "1")
    m.call(cost=2.0)
    run(*margs, "collect", "--heartbeat", "--lang", "zh-CN", "--json")
    assert outputs[-1][1]["status"] == "alert" and "已超出上限" in outputs[-1][1]["data"]["alerts"][0]["text"]
    env.use("crontab")
    run(*env.args, "schedule", "--json")
    run(*env.args, "schedule", "--apply", "--lang", "en", "--json")
    state = tmp_path / "legacy-state"
    (state / "agents" / "main" / "sessions").mkdir(parents=True)
    m2 = MiniState(tmp_path / "legacy")
    m2.call(cost=0.1)
    data = tmp_path / "legacy-data"
    cli("--state-dir", m2.root, "--data-dir", data, "collect")
    write_legacy(cli, m2.root, data, drop=frozenset(), extra=())
    run("--state-dir", m2.root, "--data-dir", data, "reconcile", "--json")
    exported = tmp_path / "small.jsonl"
    cli(*small.args, "export", "--output", exported)
    run("--state-dir", m2.root, "--data-dir", data, "import", exported, "--json")
    run("--state-dir", m2.root, "--data-dir", data, "import", tmp_path / "no-such.jsonl", "--json", codes=(5,))
    # errors: every command's failure is the error envelope
    errors = [
        (*demo, "report", "--since", "11/12", "--json"), (*demo, "report", "--by", "colour", "--json"),
        (*demo, "sessions", "--tz", "Mars/Base", "--json"), (*demo, "session", "no-such-session-xyz", "--json"),
        (*demo, "budget", "set", "daily", "-5", "--json"), (*demo, "budget", "remove", "99", "--json"),
        (*demo, "budget", "status", "--tz", "nowhere", "--json"), (*demo, "export", "--json"),
        (*demo, "schedule", "--json"), (*demo, "reconcile", "--json"), (*demo, "diagnose", "--check", "nope", "--json"),
        ("--state-dir", tmp_path / "missing", "collect", "--json"),
        ("--state-dir", tmp_path / "missing", "collect", "--heartbeat", "--json"),
        (*small.args, "collect", "--heartbeat", "--lang", "xx-YY", "--json"),
        (*small.args, "import", "--json"),
    ]
    for argv in errors:
        res = cli(*argv)
        assert res.code in (2, 3), res
        assert res.json()["status"] == "error" and res.json()["data"] is None
        outputs.append((argv, res.json()))
    commands = set()
    for argv, envelope in outputs:
        validate_envelope(envelope)
        commands.add(envelope["command"])
    assert commands == set(SCHEMAS) - {"envelope"}


def test_references_name_every_schema():
    text = (ROOT / "references" / "report-json.md").read_text(encoding="utf-8")
    for name in SCHEMAS:
        assert name in text or name == "envelope"
    assert "envelope.json" in text
    for path in (ROOT / "references" / "json-schemas").glob("*.json"):
        assert json.loads(path.read_text())["$id"] == f"token-monitor/{path.name}"
    assert os.path.isdir(ROOT / "references" / "json-schemas")
    assert Path(ROOT / "references" / "json-schemas" / "envelope.json").exists()
