"""Transcript lines are decoded by orjson when it is installed and by json otherwise, with the same
results: the same events and keys, the same malformed records with the same reasons. orjson refuses
what json accepts (NaN, 1e999, lone surrogates, a BOM) and reads integers beyond 64 bits as floats;
`bounded.loads_record` hands those to json, so no count, cost, time or dedupe key depends on which
decoder ran."""

from __future__ import annotations

import json

import pytest
from hypothesis import strategies as st

from conftest import CORPORA
from token_monitor.collect.normalize import dedupe_key, normalize_record
from token_monitor.sources import bounded
from torture_kit import hypothesis_pair

pytestmark = pytest.mark.skipif(bounded.orjson_module() is None, reason="orjson is not installed: json alone decodes")

BIG = 123456789012345678901234567890


def outcome(decode, data):
    """What the collector makes of one line: the normalised result, or the malformed reason."""
    try:
        obj = decode(data)
    except ValueError as exc:
        return ("malformed", str(exc))
    return ("record", repr(normalize_record(obj, session_id="s", fallback_ms=1_797_144_296_658)))


ASSISTANT = {"type": "message", "id": "e1", "timestamp": "2026-12-13T06:44:57.726Z",
             "message": {"role": "assistant", "provider": "openrouter", "model": "moonshotai/kimi-k2", "api": "x",
                         "usage": {"input": 5, "output": 7, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 12,
                                   "cost": {"total": 0.25, "input": 0.1, "output": 0.15}},
                         "stopReason": "stop", "timestamp": 1797144296658, "responseId": "r1"}}

scalars = (st.none() | st.booleans() | st.integers() | st.integers(2**62, 2**70) | st.integers(-(2**70), -(2**62))
           | st.floats() | st.text(max_size=12) | st.sampled_from(["openclaw", "injected", "error", "\ud800", ""]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                      max_leaves=6)
paths = st.sampled_from([("id",), ("timestamp",), ("type",), ("message", "timestamp"), ("message", "responseId"),
                         ("message", "provider"), ("message", "model"), ("message", "stopReason"), ("message", "api"),
                         ("message", "role"), ("message", "usage", "input"), ("message", "usage", "totalTokens"),
                         ("message", "usage", "cost", "total"), ("message", "usage", "cost", "input"), ("message",),
                         ("message", "usage"), ("message", "usage", "cost")])


def mutated(changes):
    rec = json.loads(json.dumps(ASSISTANT))
    for path, value in changes:
        node = rec
        for k in path[:-1]:
            node = node.get(k) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node[path[-1]] = value
    return rec


def same_outcome_for_any_assistant_record(changes, formatting):
    """Any value (NaN, 1e999, lone surrogates, 70-bit integers, nested containers) in any field the
    collector reads gives the same event, key and reason with orjson as with json."""
    data = json.dumps(mutated(changes), allow_nan=True, **formatting).encode("utf-8", "surrogatepass")
    assert outcome(bounded.loads_record, data) == outcome(bounded.loads, data)


test_same_outcome_for_any_assistant_record, test_same_outcome_for_any_assistant_record_full = hypothesis_pair(
    300, st.lists(st.tuples(paths, values), max_size=4),
    st.sampled_from([{"separators": (",", ":")}, {}, {"ensure_ascii": False}, {"indent": 1}]),
)(same_outcome_for_any_assistant_record)


def same_outcome_for_any_bytes(data):
    """Damaged lines (any bytes, a BOM, UTF-16, truncation) are malformed with the same reason, or read alike."""
    assert outcome(bounded.loads_record, data) == outcome(bounded.loads, data)


test_same_outcome_for_any_bytes, test_same_outcome_for_any_bytes_full = hypothesis_pair(
    300, st.binary(max_size=80) | st.builds(lambda t, cut: json.dumps(ASSISTANT).encode()[:cut] + t,
                                            st.sampled_from([b"", b"\xef\xbb\xbf", b"NaN", b"\x00", b"}"]),
                                            st.integers(0, 400))
    | st.sampled_from([b"\xef\xbb\xbf" + json.dumps(ASSISTANT).encode(), json.dumps(ASSISTANT).encode("utf-16"),
                       str(BIG).encode(), b"1e999", b'"\\ud800"', b"[1,2]"]),
)(same_outcome_for_any_bytes)


@pytest.mark.parametrize("field", ["timestamp", "responseId", "provider", "model", "stopReason"])
def test_a_70_bit_integer_in_a_key_field_keeps_the_json_key(field):
    """orjson would read it as a float; the key (persisted in every ledger) must not change."""
    data = json.dumps(mutated([(("message", field), BIG)])).encode()
    assert outcome(bounded.loads_record, data) == outcome(bounded.loads, data)
    assert bounded.loads_record(data)["message"][field] == BIG


def test_key_fields_checked_are_the_fields_the_key_reads():
    """The fields loads_record checks are exactly those dedupe_key puts into the key: a key field it
    did not check could differ between decoders."""
    read = set()

    class Spy(dict):
        def get(self, k, default=None):
            read.add(k)
            return super().get(k, default)

    dedupe_key(Spy(id=None), Spy(), (1, 2, 3, 4, 10), session_id="s")
    assert read == {"id", "timestamp", *bounded.KEY_MESSAGE_FIELDS}


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_corpus_exports_the_same_events_with_and_without_orjson(cli, corpus_state, tmp_path, monkeypatch, corpus):
    state = corpus_state(corpus)
    fast = cli("--state-dir", state, "--data-dir", tmp_path / "fast", "export")
    monkeypatch.setattr(bounded, "_orjson", None)
    plain = cli("--state-dir", state, "--data-dir", tmp_path / "plain", "export")
    assert fast.code == plain.code == 0

    def events(out):        # every field but the host id, which each new data dir draws afresh
        return [{k: v for k, v in json.loads(line).items() if k != "hostId"} for line in out.splitlines()]
    assert events(fast.out) and events(fast.out) == events(plain.out)
