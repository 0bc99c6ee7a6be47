"""Masking other people's identifiers in session keys and labels, for chat-safe output.

OpenClaw keys channel sessions by who is talking (`session.dmScope: "per-channel-peer"`):
`agent:main:whatsapp:direct:+4915112345678`, `agent:main:telegram:group:-1001234567890`,
`agent:work:discord:direct:123456789012345678`, an iMessage handle that is an e-mail address. Text and
markdown output mask those by default (`+49…5678`, `a…@example.org`, `-100…7890`, `12…5678`);
`--show-ids` shows them in full, `--json` keeps full keys for machines.

Pure functions, no I/O. Invariants (property-tested):
- a masked text masks to itself (masking twice changes nothing);
- a masked id shows at most its kept prefix and suffix (never the hidden middle);
- a key or label without a peer id comes back unchanged.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"

# The segment after one of these in a session key is the peer (OpenClaw's buildAgentPeerSessionKey and
# parseSessionDeliveryRoute: <channel>[:<account>]:<direct|dm|group|channel>:<peerId>[:thread:<id>]).
PEER_KINDS = frozenset({"direct", "dm", "group", "channel"})
THREAD_MARKER = "thread"

EMAIL = re.compile(r"(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)")
PHONE = re.compile(r"(?<![\w+])\+([0-9]{7,})(?![0-9])")
LONG_NUMBER = re.compile(r"(?<![\w.+-])(-?)([0-9]{7,})(?![\w-])")
TELEGRAM_SUPERGROUP = re.compile(r"-100([0-9]{5,})")
NUMERIC = re.compile(r"(-?)([0-9]+)")
PLUS_NUMBER = re.compile(r"\+([0-9]+)")


def _digits(sign: str, digits: str) -> str:
    """A long number: its first two digits and last four (two when shorter than ten digits)."""
    keep = 4 if len(digits) >= 10 else 2
    return f"{sign}{digits[:2]}{ELLIPSIS}{digits[-keep:]}"


def mask_email(local: str, domain: str) -> str:
    return f"{local[:1]}{ELLIPSIS}@{domain}"


def mask_peer(peer: str) -> str:
    """One peer id (the part of a key after `direct:`/`group:`…), masked by its shape."""
    if not peer or ELLIPSIS in peer:
        return peer
    m = EMAIL.fullmatch(peer)
    if m:
        return mask_email(m.group(1), m.group(2))
    m = PLUS_NUMBER.fullmatch(peer)
    if m:
        digits = m.group(1)
        return "+" + _digits("", digits) if len(digits) >= 7 else f"+{digits[:1]}{ELLIPSIS}"
    m = TELEGRAM_SUPERGROUP.fullmatch(peer)
    if m:
        return f"-100{ELLIPSIS}{m.group(1)[-4:]}"
    m = NUMERIC.fullmatch(peer)
    if m:
        sign, digits = m.groups()
        return _digits(sign, digits) if len(digits) >= 7 else f"{sign}{digits[:1]}{ELLIPSIS}"
    if len(peer) <= 2:
        return ELLIPSIS
    # any other handle (Matrix @user:server, Slack U…, a Signal uuid): its ends only
    if len(peer) >= 8:
        return f"{peer[:2]}{ELLIPSIS}{peer[-2:]}"
    return f"{peer[:1]}{ELLIPSIS}"


# Anything that could be a peer id: without one of these a text or key is returned as it is (fast path).
MAYBE_ID = re.compile(r"(?<![\w.+-])-?[0-9]{7}|\+[0-9]{7}|@|(?:^|:)(?:direct|dm|group|channel):", re.I)


def mask_text(text: str | None) -> str | None:
    """E-mail addresses, E.164 numbers and long numeric ids anywhere in free text (a session label)."""
    if not text or not MAYBE_ID.search(text):
        return text
    text = EMAIL.sub(lambda m: mask_email(m.group(1), m.group(2)), text)
    text = PHONE.sub(lambda m: "+" + _digits("", m.group(1)), text)
    return LONG_NUMBER.sub(lambda m: mask_peer(m.group(1) + m.group(2)), text)


def mask_key(key: str | None) -> str | None:
    """A session key with its peer id masked; other segments keep their text (ids inside them masked
    the way free text is)."""
    if not key or not MAYBE_ID.search(key):
        return key
    parts = key.split(":")
    start = 2 if len(parts) > 2 and parts[0] == "agent" else 0
    out = parts[:start]
    i = start
    while i < len(parts):
        seg = parts[i]
        if seg.lower() in PEER_KINDS and i + 1 < len(parts):
            end = i + 1
            while end < len(parts) and parts[end].lower() != THREAD_MARKER:
                end += 1
            out += [seg, mask_peer(":".join(parts[i + 1:end]))]
            i = end
            continue
        out.append(mask_text(seg))
        i += 1
    return ":".join(out)
