#!/usr/bin/env python3
"""Turn one run of tools/realclient-agentturn/run.sh into the compact fixture the tests read.

    python3 tools/realclient-agentturn/record.py RUN_DIR OUT_DIR [--path-prepend DIR] [--seed NAME]

Writes OUT_DIR/<label>.json (the turns: user message, the exec call OpenClaw received from the model, the
tool result text OpenClaw sent back, the model's reply; the mock's usage for the calls before each exec;
exec policy/approvals; exec's PATH and python) and OUT_DIR/skills-<label>/ (what `openclaw skills info
token-monitor` / `skills list --json` printed in that run). Machine paths are replaced: the throwaway HOME
(/home/openclaw) by `~`, the directory put first on PATH by `<uv-dir>`, OpenClaw's install by `<openclaw>`.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HOME = "/home/openclaw"


def scrub(text: str, prepend: str | None) -> str:
    if prepend:
        text = text.replace(prepend, "<uv-dir>")
    text = text.replace("/opt/openclaw-harness", "<harness>").replace("/opt/openclaw", "<openclaw>")
    return re.sub(re.escape(HOME) + r"(?=/|\b)", "~", text)


def cli_out(run: Path, name: str) -> tuple[str, int]:
    err = (run / "cli" / f"{name}.err").read_text(encoding="utf-8")
    rc = int(re.search(r"rc=(\d+)\s*$", err).group(1))
    return (run / "cli" / f"{name}.out").read_text(encoding="utf-8"), rc


def exec_policy(run: Path) -> dict:
    out, _ = cli_out(run, "06-exec-policy")
    scope = next(s for s in json.loads(out)["effectivePolicy"]["scopes"] if s["agentId"] == "main")
    return {k: scope[k]["effective"] for k in ("mode", "security", "ask", "askFallback")}


def approvals(run: Path, name: str) -> dict:
    out, _ = cli_out(run, name)
    doc = json.loads(out)
    return {"exists": doc["exists"], "file": doc["file"]}


def turns(run: Path) -> list[dict]:
    """Each skill turn: the exec call, every follow-up call the model made (process poll while exec said the
    command was still running), what OpenClaw returned for each, and the model's final reply."""
    recs = [json.loads(line) for line in (run / "agentturn.jsonl").read_text(encoding="utf-8").splitlines()]
    truth = [json.loads(line) for line in (run / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines()]
    out = []
    for i, rec in enumerate(recs):
        if rec["mode"] != "exec_tm" or not rec.get("tool_call") or rec["tool_call"]["name"] != "exec":
            continue
        calls, j = [{"call": rec["tool_call"]}], i + 1
        while True:   # the mock's request after a call carries that call's result
            calls[-1]["result_text"] = recs[j]["tool_result_text"]
            if recs[j]["mode"] != "poll_running":
                break
            calls.append({"call": recs[j]["tool_call"]})
            j += 1
        # the model calls OpenClaw made in this HOME until the reply (the mock's own counts): a report run by
        # exec sees those up to the exec call, and (while exec was left running) maybe the polls after it
        calls_so_far = [t for t in truth if t["seq"] < recs[j]["seq"] and t.get("status") == 200]
        out.append({
            "user_message": rec["turn_text"].split("\n")[0],
            "system_prompt_skill_lines": [line.strip() for line in rec["system_token_monitor_lines"]],
            "system_prompt_has_literal_baseDir": rec["system_has_literal_{baseDir}"],
            "calls": calls,
            "reply_text": recs[j]["reply_text"],
            "exec_request_seq": rec["seq"],
            "model_calls": [
                {"seq": t["seq"], "model": t["model"], "ts": t["ts"], "input": t["input"], "output": t["output"],
                 "cache_read": t["cache_read"], "cache_write": t["cache_write"], "total": t["total"]}
                for t in calls_so_far],
        })
    return out


def diag(run: Path) -> dict:
    recs = [json.loads(line) for line in (run / "agentturn.jsonl").read_text(encoding="utf-8").splitlines()]
    for i, rec in enumerate(recs):
        if rec["mode"] == "exec_diag" and rec.get("tool_call"):
            text = recs[i + 1]["tool_result_text"] or ""
            return {"command": rec["tool_call"]["arguments"]["command"], "result_lines": text.splitlines()}
    return {}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("run", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--path-prepend", default=None, help="the AGENTTURN_PATH_PREPEND of the run")
    ap.add_argument("--seed", default=None, help="what AGENTTURN_SEED_STATE was (a name, not a path)")
    ap.add_argument("--note", default=None)
    ap.add_argument("--no-skills", action="store_true", help="do not write skills-<label>/")
    a = ap.parse_args()
    label = a.run.name
    record = {
        "label": label,
        "openclaw_version": "2026.9.6",
        "skill_commit": (a.run / "skill_commit.txt").read_text(encoding="utf-8").split()[0],
        "path_first_dir": "<uv-dir> (holds only uv, from PyPI)" if a.path_prepend else None,
        "seed_state": a.seed,
        "note": a.note,
        "exec_policy_main": exec_policy(a.run),
        "approvals_before": approvals(a.run, "07-approvals"),
        "approvals_after": approvals(a.run, "19-approvals-after"),
        "exec_env_probe": diag(a.run),
        "turns": turns(a.run),
    }
    text = scrub(json.dumps(record, indent=1, ensure_ascii=False), a.path_prepend) + "\n"
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / f"{label}.json").write_text(text, encoding="utf-8")
    if a.no_skills:
        return
    sk = a.out / f"skills-{label}"
    sk.mkdir(exist_ok=True)
    for name, dest in [("02-skills-info", "skills-info.txt"), ("03-skills-info-json", "skills-info.json"),
                       ("08-skills-info-nobins", "skills-info-no-uv-no-python3.txt"),
                       ("09-skills-info-json-nobins", "skills-info-no-uv-no-python3.json")]:
        out, rc = cli_out(a.run, name)
        assert rc == 0, (name, rc)
        (sk / dest).write_text(scrub(out, a.path_prepend), encoding="utf-8")
    out, rc = cli_out(a.run, "01-skills-list")
    row = next(s for s in json.loads(out)["skills"] if s["name"] == "token-monitor")
    (sk / "skills-list-row.json").write_text(scrub(json.dumps(row, indent=2, ensure_ascii=False), a.path_prepend) + "\n",
                                             encoding="utf-8")


if __name__ == "__main__":
    main()
