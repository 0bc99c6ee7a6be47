"""Collection: read sources from their cursors, normalise records, stage into the ledger exactly once."""
