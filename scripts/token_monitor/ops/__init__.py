"""Operations on top of the ledger: budgets, alerts, schedule."""
