"""One real OpenClaw 2026.9.6 chat turn runs the skill: "show my token usage today" makes the model call
OpenClaw's exec tool with SKILL.md's own command, OpenClaw runs it in a fresh HOME with no dependency
installed, and the tool result that returns to the model holds today's total.

tests/fixtures/integration/agent-turn-2026.9.6/ is the recording (tools/realclient-agentturn/run.sh, then
record.py; how and what it showed: that folder's README.md). SKILL.md is read here, at test time: a later
change of its run line, its "today" row or its install metadata fails these tests until the turn is
re-recorded against the new text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import json5
import pytest
import yaml

from conftest import CANARIES, FIXTURES, ROOT
from token_monitor.report.render import human_tokens

RECORD = FIXTURES / "integration" / "agent-turn-2026.9.6"
GATEWAY_TOKEN = "ocreal-gateway-token-not-a-secret"   # the harness's fixed fake gateway token
HEADLINE = re.compile(r"^(\S+) tokens · ", re.M)


def _run(label: str) -> dict:
    return json.loads((RECORD / f"{label}.json").read_text(encoding="utf-8"))


def _skill_text() -> str:
    return (ROOT / "SKILL.md").read_text(encoding="utf-8")


def _run_line(runner: str) -> str:
    """SKILL.md's run line for `runner` ("uv run" or "python3"): its first backticked command that starts so
    and holds both {baseDir} and COMMAND."""
    m = re.search(r"`(" + re.escape(runner) + r" [^`]*\{baseDir\}[^`]*COMMAND[^`]*)`", _skill_text())
    assert m, f"SKILL.md has no `{runner} {{baseDir}}/… COMMAND` line"
    return m.group(1)


def _expected_command(line: str, turn: dict, command: str = "report today") -> str:
    """What a model that follows SKILL.md sends: {baseDir} = the folder of the <location> OpenClaw put in the
    system prompt (OpenClaw never substitutes {baseDir} itself), COMMAND = command, no `[options]`."""
    loc = next(re.search(r"<location>(.*)/SKILL\.md</location>", line) for line in turn["system_prompt_skill_lines"]
               if "<location>" in line)
    return line.replace("{baseDir}", loc.group(1)).replace("COMMAND", command).replace(" [options]", "")


def _exec_command(turn: dict) -> str:
    call = turn["calls"][0]["call"]
    assert call["name"] == "exec"
    return call["arguments"]["command"]


def _final_result(turn: dict) -> str:
    """The last tool result OpenClaw returned to the model in this turn (after any process polls)."""
    return turn["calls"][-1]["result_text"]


def _report_result(turn: dict) -> str:
    """The tool result of this turn that carried the report (a poll returns only the output new since the
    previous one)."""
    with_total = [c["result_text"] for c in turn["calls"] if HEADLINE.search(c["result_text"] or "")]
    assert with_total, f"no tool result of the turn holds a 'N tokens · …' total: {turn['calls']}"
    return with_total[-1]


def _headline_total(result: str) -> str:
    m = HEADLINE.search(result)
    assert m, f"no 'N tokens · …' total line in the tool result:\n{result}"
    return m.group(1)


def _metadata() -> dict:
    raw = _skill_text()[4:].split("\n---\n", 1)[0]
    meta = yaml.safe_load(raw)["metadata"]
    return json5.loads(meta if isinstance(meta, str) else json.dumps(meta))["openclaw"]


def test_the_model_ran_skill_md_run_line_for_today_through_exec():
    primary = re.search(r"`((?:uv run|python3) [^`]*\{baseDir\}[^`]*COMMAND[^`]*)`", _skill_text()).group(1)
    assert primary == _run_line("uv run"), "SKILL.md's first run line is the uv one the recording used"
    today_row = next(line for line in _skill_text().splitlines() if line.startswith("| \"token usage today\""))
    for label in ("uv-today", "uv-corpus"):
        turn = _run(label)["turns"][0]
        assert "show my token usage today" in turn["user_message"]
        assert not turn["system_prompt_has_literal_baseDir"]
        cmd = _exec_command(turn)
        assert cmd == _expected_command(_run_line("uv run"), turn), label
        # the table row SKILL.md gives for "token usage today" is the same command
        row_cmd = re.search(r"`(uv run [^`]*report today)`", today_row).group(1)
        assert cmd == _expected_command(row_cmd, turn), label


def test_without_uv_the_model_ran_skill_md_python3_line_and_exec_found_no_uv():
    for label in ("python3-today", "python3-slow-yield"):
        run = _run(label)
        for turn in run["turns"]:
            assert _exec_command(turn) == _expected_command(_run_line("python3"), turn), label
        path = run["exec_env_probe"]["result_lines"][0]
        assert path.startswith("PATH=") and "<uv-dir>" not in path and run["path_first_dir"] is None


def _possible_totals(turn: dict) -> set[str]:
    """Today's total as the report renders it: every model call OpenClaw made in that HOME up to the exec call
    (the mock's own counts). While exec was left running, the model's polls may have landed before the report
    read the state: then the calls up to one of them."""
    calls = turn["model_calls"]
    n = sum(1 for c in calls if c["seq"] <= turn["exec_request_seq"])
    return {human_tokens(sum(c["total"] for c in calls[:k])) for k in range(n, len(calls) + 1)}


def test_the_tool_result_returned_to_the_model_holds_todays_total():
    for label in ("uv-today", "python3-today", "python3-slow-yield", "uv-corpus"):
        for turn in _run(label)["turns"]:
            if not _exec_command(turn).endswith(" report today"):
                continue
            result = _report_result(turn)
            if len(turn["calls"]) == 1:      # exec returned the finished command: exactly the calls before it
                assert len(_possible_totals(turn)) == 1
            assert _headline_total(result) in _possible_totals(turn), (label, result)
            lines = result.splitlines()
            total_at = next(i for i, line in enumerate(lines) if HEADLINE.match(line))
            assert lines[total_at - 1].startswith("Today · "), (label, result)   # the period heads the total
            assert "Traceback" not in result, label


def test_uv_run_returns_the_report_at_once_and_its_second_call_prints_only_the_report():
    first, second = _run("uv-today")["turns"]
    assert len(first["calls"]) == 1, "uv run finished within exec's yield window: no poll needed"
    lines = _final_result(first).splitlines()
    head = lines[:next(i for i, line in enumerate(lines) if line.startswith("Today · "))]
    # what precedes the report is uv's own progress on stderr (exec returns stdout and stderr together)
    assert head and all(re.match(r"\s*(Downloading|Downloaded|Installed|Prepared|Resolved|Built|Building)\b", line)
                        for line in head), head
    assert _final_result(second).startswith("Today · ")


BOOTSTRAP = re.compile(r"^token-monitor: first run: installing its Python dependencies into ~/\S+ with "
                       r"venv \+ pip \(once\)$", re.M)


def test_without_uv_the_first_call_says_it_prepares_a_private_environment_then_reports():
    """python3 only (no uv anywhere): one line on stderr, which exec returns with stdout, then the report."""
    first, second = _run("python3-today")["turns"]
    assert len(first["calls"]) == 1
    lines = _final_result(first).splitlines()
    assert BOOTSTRAP.match(lines[0]) and lines[1].startswith("Today · "), lines[:2]
    assert len(second["calls"]) == 1 and _final_result(second).startswith("Today · ")


def test_when_the_bootstrap_outlasts_execs_yield_a_process_poll_returns_the_total():
    """exec gives a command 10 s (tools.exec.backgroundMs) before it backgrounds it; the venv + pip bootstrap can
    take longer (recorded with the window cut to 2 s). exec then returns 'Command still running (session …)' and
    the total reaches the model through `process poll`, as exec's own description tells a model to do."""
    first, second = _run("python3-slow-yield")["turns"]
    assert first["calls"][0]["result_text"].startswith("Command still running (session ")
    polls = [c["call"] for c in first["calls"][1:]]
    assert polls and all(p["name"] == "process" and p["arguments"]["action"] == "poll" for p in polls)
    assert BOOTSTRAP.search("\n".join(c["result_text"] for c in first["calls"]))
    assert _report_result(first).startswith("Today · ")
    assert _final_result(first).endswith("Process exited with code 0.")
    assert len(second["calls"]) == 1 and _final_result(second).startswith("Today · ")


def test_the_corpus_period_total_reaches_the_model_exactly():
    """Against a copy of the real 2026.9.6 corpus as ~/.openclaw: the period holding its data, through exec."""
    turn = _run("uv-corpus")["turns"][1]
    cmd = "report --since 2026-11-26 --until 2026-11-29"
    assert _exec_command(turn) == _expected_command(_run_line("uv run"), turn, cmd)
    expected = json.loads((FIXTURES / "real-2026.9.6" / "expected.json").read_text(encoding="utf-8"))
    truth = sum(day["totalTokens"] for models in expected["agents"].values() for days in models.values()
                for d, day in days.items() if "2026-11-26" <= d < "2026-11-29")
    assert _headline_total(_report_result(turn)) == human_tokens(truth)


def test_exec_ran_without_any_approval_under_openclaws_defaults():
    for label in ("uv-today", "python3-today", "python3-slow-yield", "uv-corpus"):
        run = _run(label)
        assert run["exec_policy_main"] == {"mode": "full", "security": "full", "ask": "off", "askFallback": "deny"}
        assert run["approvals_before"]["exists"] is False and run["approvals_after"]["exists"] is False
        assert run["approvals_after"]["file"]["agents"] == {}


def test_real_openclaw_shows_the_skill_eligible_with_uv_and_with_python3_only():
    meta = _metadata()
    for label in ("uv-today", "python3-slow-yield"):    # uv first on PATH; no uv anywhere
        d = RECORD / f"skills-{label}"
        info = json.loads((d / "skills-info.json").read_text(encoding="utf-8"))
        row = json.loads((d / "skills-list-row.json").read_text(encoding="utf-8"))
        for x in (info, row):
            assert x["eligible"] is True and not any(x["missing"].values()), label
        assert info["requirements"]["anyBins"] == meta["requires"]["anyBins"]
        assert "✓ Ready" in (d / "skills-info.txt").read_text(encoding="utf-8")
        assert "✓ (any of: uv, python3)" in (d / "skills-info.txt").read_text(encoding="utf-8")
        # the install metadata OpenClaw read is exactly SKILL.md's (an option per spec: id, kind, label, bins)
        assert [(o["id"], o["kind"], o["label"], o["bins"]) for o in info["install"]] == \
            [(s["id"], s["kind"], s["label"], s["bins"]) for s in meta["install"]]


def test_with_neither_uv_nor_python3_openclaw_offers_the_uv_installer():
    for label in ("uv-today", "python3-slow-yield"):
        _assert_offers_the_installer(RECORD / f"skills-{label}")


def _assert_offers_the_installer(d: Path) -> None:
    info = json.loads((d / "skills-info-no-uv-no-python3.json").read_text(encoding="utf-8"))
    assert info["eligible"] is False and info["missing"]["anyBins"] == ["uv", "python3"]
    text = (d / "skills-info-no-uv-no-python3.txt").read_text(encoding="utf-8")
    assert "✗ (any of: uv, python3)" in text
    labels = [s["label"] for s in _metadata()["install"]]
    assert "Install options:" in text and all(f"→ {label}" in text for label in labels)


@pytest.mark.parametrize("path", sorted(p for p in RECORD.rglob("*") if p.is_file()), ids=lambda p: p.name)
def test_the_recording_holds_no_secret_and_no_machine_path(path: Path):
    text = path.read_text(encoding="utf-8")
    for secret in [*CANARIES, GATEWAY_TOKEN]:
        assert secret not in text
    if path.name != "README.md":        # the README names the run's paths on purpose
        # a path that starts at the root; `~/.openclaw/tmp/agent-cli` (OpenClaw's own folder) is fine
        found = re.findall(r"(?<![\w.~-])/(?:tmp|root|home|opt|work)/\S*", text)
        assert not found and str(ROOT) not in text, found
