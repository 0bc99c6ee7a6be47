"""The resolved run context every command receives: where OpenClaw is, where our data is, the clock.

Built once by `cli.main` from the global options and the environment; commands never read
`os.environ` or the clock themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any, Callable, Mapping

from . import paths


@dataclasses.dataclass
class Context:
    args: Any
    env: Mapping[str, str]
    now: Callable[[], dt.datetime]           # aware UTC datetime
    _state: paths.StateLocation | None = None
    _data_dir: Path | None = None

    @property
    def state(self) -> paths.StateLocation:
        if self._state is None:
            self._state = paths.resolve_state_dir(
                state_dir=getattr(self.args, "state_dir", None),
                profile=getattr(self.args, "profile", None),
                env=self.env,
                demo=getattr(self.args, "demo", "never") or "never",
            )
        return self._state

    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            explicit = getattr(self.args, "data_dir", None)
            # An explicit data dir needs no OpenClaw state: a machine that only imports other hosts' exports has none.
            state = None if explicit or self.env.get("TOKEN_MONITOR_DATA_DIR") else self.state
            self._data_dir = paths.resolve_data_dir(data_dir=explicit, state=state, env=self.env)
        return self._data_dir

    @property
    def config_path(self) -> Path | None:
        return paths.config_path(self.state.path, self.env)

    def now_ms(self) -> int:
        return int(self.now().timestamp() * 1000)
