"""Peer ids (phone numbers, e-mail addresses, Telegram group ids, Discord ids, other handles) inside
session keys and labels are masked for chat output; keys without peer ids are unchanged; masking is
stable (masking a masked text changes nothing) and never shows more than the kept ends."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from token_monitor.privacy import ELLIPSIS, mask_key, mask_peer, mask_text

agents = st.sampled_from(["main", "work", "ops-bot", "a1"])
digits = st.text(string.digits, min_size=1)


def _revealed(masked: str, original: str) -> int:
    """How many characters of `original` the masked form still shows (its kept ends)."""
    head, _, tail = masked.partition(ELLIPSIS)
    return len(head) + len(tail)


# ----------------------------------------------------------------------------------- examples
def test_issue_examples_are_masked_as_documented():
    assert mask_key("agent:main:whatsapp:direct:+4915112345678") == "agent:main:whatsapp:direct:+49…5678"
    assert mask_key("agent:main:whatsapp:dm:+4915112345678") == "agent:main:whatsapp:dm:+49…5678"
    assert mask_key("agent:main:imessage:direct:alice.example@example.org") == "agent:main:imessage:direct:a…@example.org"
    assert mask_key("agent:main:telegram:group:-1001234567890") == "agent:main:telegram:group:-100…7890"
    assert mask_key("agent:work:discord:direct:123456789012345678") == "agent:work:discord:direct:12…5678"
    assert mask_key("agent:main:telegram:default:direct:987654321") == "agent:main:telegram:default:direct:98…21"


def test_keys_without_peer_ids_are_unchanged():
    for key in ("agent:main:main", "agent:work:main", "agent:main:cron:0c6f1a52-5d3e-4b8e-9a51-3f1c2d4e5f60",
                "agent:main:subagent:7b7eae99-2cbf-4daa-83e5-1ff5c21b3d9a", "agent:work:explicit:oclegacy-local-1",
                "agent:main:heartbeat", "hook:imap:acct-1", "agent:main:openai:2026-12-06"):
        assert mask_key(key) == key


def test_thread_suffix_and_matrix_handles():
    assert mask_key("agent:main:telegram:group:-1001234567890:thread:42") == "agent:main:telegram:group:-100…7890:thread:42"
    assert mask_key("agent:main:matrix:direct:@alice:matrix.org") == "agent:main:matrix:direct:@a…rg"


def test_labels_mask_numbers_and_addresses_in_free_text():
    assert mask_text("Chat with +4915112345678") == "Chat with +49…5678"
    assert mask_text("bob.smith@example.com (work)") == "b…@example.com (work)"
    assert mask_text("group -1001234567890") == "group -100…7890"
    assert mask_text("Project 2026 plan") == "Project 2026 plan"
    assert mask_text("claude-chat") == "claude-chat"


# ----------------------------------------------------------------------------------- properties
@given(agents, st.sampled_from(["whatsapp", "signal", "sms"]), st.sampled_from(["direct", "dm"]),
       st.text(string.digits, min_size=7, max_size=15))
def test_phone_numbers_show_country_prefix_and_last_four_only(agent, channel, kind, number):
    key = f"agent:{agent}:{channel}:{kind}:+{number}"
    masked = mask_key(key)
    peer = masked.rsplit(":", 1)[1]
    keep = 4 if len(number) >= 10 else 2
    assert peer == f"+{number[:2]}{ELLIPSIS}{number[-keep:]}"
    assert f"+{number}" not in masked
    assert mask_key(masked) == masked


@given(agents, st.text(string.ascii_lowercase + string.digits + "._", min_size=1, max_size=20).filter(
    lambda s: s[0] not in "._"), st.sampled_from(["example.org", "mail.example.com", "x.io"]))
def test_email_addresses_show_first_letter_and_domain_only(agent, local, domain):
    key = f"agent:{agent}:imessage:direct:{local}@{domain}"
    masked = mask_key(key)
    assert masked.endswith(f":{local[0]}{ELLIPSIS}@{domain}")
    if len(local) > 1:
        assert f"{local}@" not in masked
    assert mask_key(masked) == masked
    label = mask_text(f"DM {local}@{domain}")
    assert label == f"DM {local[0]}{ELLIPSIS}@{domain}"


@given(agents, st.text(string.digits, min_size=5, max_size=13))
def test_telegram_group_ids_keep_the_minus_100_marker_and_last_four(agent, rest):
    gid = f"-100{rest}"
    masked = mask_key(f"agent:{agent}:telegram:group:{gid}")
    assert masked.endswith(f":-100{ELLIPSIS}{rest[-4:]}")
    assert gid not in masked
    assert mask_key(masked) == masked


@given(agents, st.integers(10**16, 10**20 - 1), st.sampled_from(["direct", "channel", "group"]))
def test_discord_snowflakes_show_two_leading_and_four_trailing_digits(agent, snowflake, kind):
    sid = str(snowflake)
    masked = mask_key(f"agent:{agent}:discord:{kind}:{sid}")
    assert masked.endswith(f":{kind}:{sid[:2]}{ELLIPSIS}{sid[-4:]}")
    assert sid not in masked
    assert mask_key(masked) == masked


@given(st.text(min_size=1, max_size=40).filter(lambda s: ":" not in s and ELLIPSIS not in s))
def test_any_peer_id_shows_at_most_six_of_its_characters(peer):
    masked = mask_peer(peer)
    assert ELLIPSIS in masked
    m = re.fullmatch(r"(.*?)…@(.*)", masked)
    shown = len(m.group(1)) if m else _revealed(masked.removeprefix("-100"), peer)   # -100: Telegram's marker
    assert shown <= 6
    if len(peer) >= 3 and not m:
        assert peer not in masked
    assert mask_peer(masked) == masked


segment = st.text(string.ascii_lowercase + "-_", min_size=1, max_size=12) | st.uuids().map(str) | \
    st.text(string.digits, min_size=1, max_size=6)


@given(agents, st.lists(segment.filter(lambda s: s not in ("direct", "dm", "group", "channel")), min_size=1, max_size=4))
def test_generated_keys_without_peer_ids_are_unchanged(agent, segments):
    key = ":".join(["agent", agent, *segments])
    assert mask_key(key) == key


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_masking_twice_changes_nothing(text):
    once = mask_text(text)
    assert mask_text(once) == once
    k = mask_key(text)
    assert mask_key(k) == k
