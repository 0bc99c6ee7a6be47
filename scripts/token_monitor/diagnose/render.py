"""Diagnose findings as text lines (worst first) and as the JSON data block."""

from __future__ import annotations

from ..report.render import MAX_COLS, truncate
from .checks import LEVELS, Finding, StateFacts, counts, plural, sort_findings

MAX_LINES = 25


PHONE_COLS = MAX_COLS                  # the same phone width as reports
MARKS = {"error": "✗", "warn": "!", "info": "·", "ok": "✓"}
# warnings that mean the numbers themselves may be short (the headline says so only for these)
INCOMPLETE_CODES = {"sources.pending", "sources.unreadable", "records.malformed", "usage.missing", "usage.gap-days",
                    "collect.stale", "collect.never-run", "state.schema-unknown", "env.zstd"}


def fit(text: str, width: int = PHONE_COLS) -> str:
    return truncate(text, width)


def verdict(findings: list[Finding]) -> str:
    """The headline's word follows the findings: what the worst of them actually means."""
    c = counts(findings)
    if c["error"]:
        return "problems found"
    warns = [f for f in findings if f.level == "warn"]
    if any(f.code in INCOMPLETE_CODES for f in warns):
        return "usage may be incomplete"
    if any(f.code.startswith("cost.") for f in warns):
        return "usage complete, some costs unknown"
    if warns:
        return f"usage complete, {len(warns)} to set up"
    return "healthy"


def headline(findings: list[Finding], state: StateFacts, *, verbose: bool = False) -> str:
    c = counts(findings)
    parts = [plural(c[lvl], {"error": "error", "warn": "warning"}[lvl]) for lvl in ("error", "warn") if c[lvl]]
    if c["info"]:
        parts.append(f"{c['info']} info")
    text = f"diagnose: {verdict(findings)}" + (f" ({', '.join(parts)})" if parts else "")
    if verbose:
        return "token-monitor " + text + (f" · {state.path}" if state.path else "")
    return fit(text)


def phone_fix(f: Finding, state: StateFacts) -> str:
    """The fix line, or "" when there is nothing to do. On the bundled demo state, OpenClaw commands and
    config edits would act on the user's own OpenClaw, not on the demo: none is offered; ours keep the
    demo flag."""
    fix = f.fix
    if not fix or state.how != "demo" or fix.startswith("token-monitor --demo"):
        return fix
    if fix.startswith("token-monitor "):
        return "token-monitor --demo always " + fix.removeprefix("token-monitor ")
    return ""


def render_text(findings: list[Finding], state: StateFacts, *, verbose: bool = False, max_lines: int = MAX_LINES) -> list[str]:
    """Phone form by default: a headline, then per finding (worst first) one line of at most PHONE_COLS
    columns and its fix line; passed checks folded into one line. `verbose`: the full sentences with
    paths and the long remedy, and every passed check."""
    findings = sort_findings(findings)
    lines = [headline(findings, state, verbose=verbose)]
    body = []
    oks = [f for f in findings if f.level == "ok"]
    for f in findings:
        if verbose:
            body.append(f"{f.level:<5} {f.code}: {f.finding}" + (f" → fix: {f.remedy}" if f.remedy else ""))
            continue
        if f.level == "ok":
            continue
        body.append(fit(f"{MARKS[f.level]} {f.short or f.finding}"))
        fix = phone_fix(f, state)       # already applied by the command; kept for direct callers
        if fix:
            body.append(fit(f"  → {fix}"))
    if oks and not verbose:
        body.append(fit(f"{MARKS['ok']} {plural(len(oks), 'check')} passed · details: --verbose"))
    room = max_lines - len(lines)
    if len(body) > room:
        hidden = len(body) - (room - 1)
        body = body[: room - 1] + [fit(f"… {hidden} more lines: token-monitor diagnose --verbose")]
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
