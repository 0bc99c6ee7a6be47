"""`python -m token_monitor COMMAND`: the same as the `token-monitor` program."""

import sys

from .cli import main

sys.exit(main())
