"""Session names: one unique, pasteable title per session, and any printed name back to its session.

A title is `<agent>/<label>`, else `<agent>/<session key without agent:<id>:>`, else `<agent>/<short id>`;
peer ids inside are masked (privacy.py) unless ids are shown in full. When two sessions would read the
same — a key that had several session ids over time (`work/main` after a reset), two peers that mask
alike — each gets `#<id prefix>`, at least 8 characters and long enough to tell them apart. Titles are
computed over every session the ledger knows, so a title printed for one window names the same
session in every other window and in `session` / `--session`.

`resolve` accepts what a user or an agent pastes back: a title in either form (masked or full), with or
without its `agent/` part, a title shortened with "…" (a wildcard), the session key (masked or full),
the label, the session id or an id prefix of 6+ characters. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..privacy import ELLIPSIS, mask_key, mask_text

UUIDISH = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)
ID_SEP = "#"
MIN_ID = 8
MIN_PREFIX = 6

Pair = tuple[str, str]


def _short_ids(text: str) -> str:
    return UUIDISH.sub(lambda m: m.group(0)[:8], text) if text.count("-") >= 4 else text


def base_title(agent: str, session_id: str, key: str | None, label: str | None, *, show_ids: bool) -> str:
    """The title before de-duplication: label, else key without `agent:<id>:`, else a short id."""
    if label:
        name = label if show_ids else mask_text(label)
    elif key:
        shown = key if show_ids else mask_key(key)
        prefix = f"agent:{agent}:"
        name = _short_ids(shown[len(prefix):] if shown.startswith(prefix) else shown)
    else:
        name = _short_ids(session_id)
    return f"{agent}/{name}"


# Unicode categories Cc, Zl and Zp (what render.one_line prints as a space), as one translate table.
_CONTROLS = {c: " " for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]}
_MD_ESCAPE = re.compile(r"\\([_*|`])")


def normal(text: str) -> str:
    """How names compare: case-folded, control characters and runs of blanks as one space, "..." as "…",
    markdown escapes (`\\_`) undone."""
    text = str(text).translate(_CONTROLS)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.replace("...", ELLIPSIS).split()).casefold()


class SessionNames:
    """Titles for a set of sessions `(agent, session_id, session_key, label)`, unique within the set."""

    def __init__(self, entries: Iterable[tuple[str, str, str | None, str | None]], *, show_ids: bool = False):
        self.show_ids = show_ids
        self.meta: dict[Pair, tuple[str | None, str | None]] = {}
        for agent, sid, key, label in entries:
            if (agent, sid) not in self.meta or (key or label) and not any(self.meta[(agent, sid)]):
                self.meta[(agent, sid)] = (key, label)
        self._titles: dict[bool, dict[Pair, str]] = {}       # per mode, computed when first asked for
        self._index: dict[Pair, set[str]] | None = None      # every name of every session, normalised

    def _unique(self, show: bool) -> dict[Pair, str]:
        groups: dict[str, list[tuple[Pair, str]]] = defaultdict(list)
        for (agent, sid), (key, label) in self.meta.items():
            base = base_title(agent, sid, key, label, show_ids=show)
            groups[normal(base)].append(((agent, sid), base))
        out: dict[Pair, str] = {}
        for items in groups.values():
            if len(items) == 1:
                (pair, base), = items
                out[pair] = base
                continue
            ids = [sid.casefold() for (_, sid), _ in items]
            n = MIN_ID
            while len({i[:n] for i in ids}) < len(ids) and n < max(map(len, ids)):
                n += 1
            for (agent, sid), base in items:
                out[(agent, sid)] = f"{base}{ID_SEP}{sid[:n]}"
        return out

    def title(self, agent: str, session_id: str, *, show_ids: bool | None = None) -> str:
        show = self.show_ids if show_ids is None else show_ids
        if show not in self._titles:
            self._titles[show] = self._unique(show)
        found = self._titles[show].get((agent, session_id))
        return found or base_title(agent, session_id, None, None, show_ids=show)

    # ------------------------------------------------------------------ names back to sessions
    def _names(self, pair: Pair) -> Iterable[str]:
        agent, sid = pair
        key, label = self.meta.get(pair, (None, None))
        for show in (False, True):
            for t in (self.title(agent, sid, show_ids=show), base_title(agent, sid, key, label, show_ids=show)):
                yield t
                yield t[len(agent) + 1:]
        if key:
            yield key
            yield mask_key(key)
        if label:
            yield label
        yield sid

    def resolve(self, ident: str) -> list[Pair]:
        """Sessions `ident` names: exact names first; else "…" wildcards and id prefixes. [] when none."""
        q = normal(ident)
        if not q:
            return []
        if self._index is None:
            self._index = {pair: {normal(n) for n in self._names(pair)} for pair in self.meta}
        names = self._index
        exact = [pair for pair, ns in names.items() if q in ns]
        if exact:
            return sorted(exact)
        found = set()
        if ELLIPSIS in q:
            rx = re.compile(".*".join(re.escape(p) for p in q.split(ELLIPSIS)), re.S)
            found |= {pair for pair, ns in names.items() if any(rx.fullmatch(n) for n in ns)}
        agent, slash, rest = q.partition("/")
        for (a, sid) in self.meta:
            s = sid.casefold()
            if (len(q) >= MIN_PREFIX and s.startswith(q)) or (
                    slash and a.casefold() == agent and len(rest) >= MIN_PREFIX and s.startswith(rest)):
                found.add((a, sid))
        return sorted(found)
