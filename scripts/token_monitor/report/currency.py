"""Costs in the user's currency, at the rate they stored (ops/settings.py; never fetched).

JSON keeps every cost in USD and adds the `currency` block, so machine readers convert themselves; the
text and markdown renderings get a copy of the report whose costs are multiplied by the rate, and one
note saying which rate and date they used. Pure.
"""

from __future__ import annotations

from typing import Any, Mapping

# Percent changes live under "cost" keys too: they are ratios, not money.
_NOT_MONEY = ("deltaPct",)


def convert_costs(node: Any, per_usd: float) -> Any:
    """A copy of a report (or any part of it) with every cost multiplied by `per_usd`."""
    if isinstance(node, list):
        return [convert_costs(x, per_usd) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in _NOT_MONEY:
            out[k] = v
        elif k == "cost" and isinstance(v, (int, float)) and not isinstance(v, bool):
            out[k] = v * per_usd
        elif k == "costBasis" and isinstance(v, dict):
            out[k] = {b: x * per_usd for b, x in v.items()}
        else:
            out[k] = convert_costs(v, per_usd)
    return out


def with_currency(data: Mapping, rate: Mapping | None, label: str | None) -> dict:
    """The report as a person reads it in that currency: converted costs, `currency` set, and a note
    naming the rate (kept even when three notes exist: it replaces the least important, the last)."""
    if rate is None:
        return dict(data)
    out = convert_costs(dict(data), rate["perUsd"])
    out["currency"] = {**rate, "label": label}
    note = {"code": "currency", "text": f"costs in {label}"}
    out["notes"] = list(out.get("notes") or [])[:2] + [note]
    return out
