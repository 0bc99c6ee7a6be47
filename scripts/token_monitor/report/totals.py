"""Totals of usage and cost, priced per (provider, model, cost class) group with classify's rule.

Estimation is linear in tokens, so pricing a group's token sums equals pricing each call.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

from ..ledger import classify
from ..ledger.usage import N_SUMS, RunQuery, usage_sql
from ..model import Filters, Price

COST_DIGITS = 10          # JSON costs are rounded here: float sums carry 1e-17 noise otherwise


# --------------------------------------------------------------------------- totals
@dataclasses.dataclass
class Totals:
    calls: int = 0
    input: int = 0
    output: int = 0
    cache_read: int = 0
    cache_write: int = 0
    total_tokens: int = 0
    no_usage: int = 0
    failed: int = 0
    unpriced_tokens: int = 0
    unpriced_calls: int = 0
    cost: dict = dataclasses.field(default_factory=dict)       # basis -> USD, only bases present

    def add(self, o: "Totals") -> None:
        for f in ("calls", "input", "output", "cache_read", "cache_write", "total_tokens", "no_usage", "failed", "unpriced_tokens",
                  "unpriced_calls"):
            setattr(self, f, getattr(self, f) + getattr(o, f))
        for k, v in o.cost.items():
            self.cost[k] = self.cost.get(k, 0.0) + v

    @property
    def known_cost(self) -> float | None:
        """USD we can defend; None when every token is unpriced (unknown is not $0)."""
        if not self.cost and self.unpriced_tokens:
            return None
        return sum(self.cost.values())

    def as_json(self) -> dict:
        cost = self.known_cost
        return {
            "calls": self.calls, "input": self.input, "output": self.output, "cacheRead": self.cache_read,
            "cacheWrite": self.cache_write, "totalTokens": self.total_tokens,
            "cost": None if cost is None else round(cost, COST_DIGITS),
            "costBasis": {k: round(v, COST_DIGITS) for k, v in sorted(self.cost.items())},
            "unpricedTokens": self.unpriced_tokens,
            "noUsageCalls": self.no_usage, "failedCalls": self.failed,
        }


def price_group(provider: str, model: str, cls: str, sums: Sequence, prices: Mapping[tuple[str, str], Price]) -> Totals:
    calls, inp, out, cr, cw, tot, cost_sum, no_usage, failed = (v or 0 for v in sums)
    t = Totals(calls=calls, input=inp, output=out, cache_read=cr, cache_write=cw, total_tokens=tot,
               no_usage=no_usage, failed=failed)
    usd, basis = classify.class_cost(cls, prices.get((provider, model)), cost_sum=cost_sum, input=inp, output=out,
                                     cache_read=cr, cache_write=cw)
    if usd is None:
        t.unpriced_tokens = tot
        t.unpriced_calls = calls
    elif basis != classify.NO_TOKENS:
        t.cost[basis] = usd
    return t


def grouped_totals(run_query: RunQuery, dims: Sequence[str], *, start_ms: int | None, end_ms: int | None,
                   filters: Filters, prices, segments=None, pairs: Sequence[tuple[str, str]] = (),
                   per_model: dict | None = None) -> dict[tuple, Totals]:
    """dims tuple -> priced Totals; `per_model`, when given, also receives (provider, model) -> Totals."""
    sql, params = usage_sql(dims, start_ms=start_ms, end_ms=end_ms, filters=filters, segments=segments, pairs=pairs,
                            rollup=getattr(run_query, "rollup", False))
    out: dict[tuple, Totals] = {}
    n = len(dims)
    for row in run_query(sql, params):
        key = tuple(row[:n])
        provider, model, cls = row[n:n + 3]
        t = price_group(provider, model, cls, row[n + 3:n + 3 + N_SUMS], prices)
        out.setdefault(key, Totals()).add(t)
        if per_model is not None:
            per_model.setdefault((provider, model), Totals()).add(t)
    return out


def project(groups: Mapping[tuple, Totals], idx: Sequence[int]) -> dict[tuple, Totals]:
    """Fold finer groups onto some of their key positions."""
    out: dict[tuple, Totals] = {}
    for key, t in groups.items():
        out.setdefault(tuple(key[i] for i in idx), Totals()).add(t)
    return out
