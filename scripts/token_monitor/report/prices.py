"""The one price table a command prices with: the user's configured prices (openclaw.json and the
agents' models.json), completed from the bundled price list for models OpenClaw left unpriced.
Which price wins is classify's rule (`effective_prices`); this module only gathers the inputs.

The list is consulted only for models the ledger has priced-by-us calls for and the user did not
price, at the command's `now` (the rate in force then), through the small cache in our data dir.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Mapping

from ..ledger import classify
from ..model import Price
from ..sources import price_list


def load_prices(configured: Mapping[tuple[str, str], Price], ledger: Any, *, now: dt.datetime,
                cache_dir: Path | None, use_list: bool = True) -> dict[tuple[str, str], Price]:
    """`configured`: openclaw_config.model_prices. `use_list` False (TOKEN_MONITOR_PRICE_LIST=off):
    configured prices only, as before the list existed."""
    wanted = ([pm for pm in ledger.models_priced_by_us() if pm not in configured]
              if ledger is not None and use_list else [])
    listed = price_list.list_prices(wanted, as_of=now, cache_dir=cache_dir) if wanted else {}
    return classify.effective_prices(configured, listed)
