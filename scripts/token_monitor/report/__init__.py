"""Reports: queries over the ledger, periods and time parsing, rendering."""
