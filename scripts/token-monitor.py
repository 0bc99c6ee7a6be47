#!/usr/bin/env python3
"""Entry shim: `python3 {baseDir}/scripts/token-monitor.py COMMAND` works without installing the package."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from token_monitor.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
