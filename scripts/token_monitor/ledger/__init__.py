"""Our ledger: schema, the store and its named queries, rollups, classification rules, repair."""
