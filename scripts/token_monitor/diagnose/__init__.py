"""Diagnose: gather facts about OpenClaw and the ledger, check them, render findings."""
