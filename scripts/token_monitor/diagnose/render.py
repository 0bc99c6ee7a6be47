"""Diagnose findings as text lines (worst first) and as the JSON data block."""

from __future__ import annotations

from .checks import LEVELS, Finding, StateFacts, counts, plural, sort_findings

MAX_LINES = 25


def headline(findings: list[Finding], state: StateFacts) -> str:
    c = counts(findings)
    parts = [plural(c["error"], "error"), plural(c["warn"], "warning")]
    if c["info"]:
        parts.append(f"{c['info']} info")
    where = f" · {state.path}" if state.path else ""
    verdict = "problems found" if c["error"] else "usage may be incomplete" if c["warn"] else "healthy"
    return f"token-monitor diagnose: {verdict} ({', '.join(parts)}){where}"


def render_text(findings: list[Finding], state: StateFacts, *, verbose: bool = False, max_lines: int = MAX_LINES) -> list[str]:
    """One line per finding, worst first; ok findings folded into one line unless verbose."""
    findings = sort_findings(findings)
    lines = [headline(findings, state)]
    body = []
    oks = [f for f in findings if f.level == "ok"]
    for f in findings:
        if f.level == "ok" and not verbose:
            continue
        body.append(f"{f.level:<5} {f.code}: {f.finding}" + (f" → fix: {f.remedy}" if f.remedy else ""))
    if oks and not verbose:
        body.append(f"ok    {len(oks)} checks passed: " + ", ".join(dict.fromkeys(f.code for f in oks)))
    room = max_lines - len(lines)
    if len(body) > room:
        hidden = len(body) - (room - 1)
        body = body[: room - 1] + [f"… {hidden} more lines: token-monitor diagnose --json"]
    return lines + body


def render_json_data(findings: list[Finding], state: StateFacts, *, checks: list[str] | None) -> dict:
    findings = sort_findings(findings)
    c = counts(findings)
    return {
        "stateDir": state.path,
        "stateDirHow": state.how,
        "config": state.config_path,
        "checks": checks or "all",
        "counts": c,
        "worst": next((lvl for lvl in LEVELS if c[lvl]), "ok"),
        "findings": [f.as_dict() for f in findings],
    }
