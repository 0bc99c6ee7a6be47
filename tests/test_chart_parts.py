"""Chart building blocks: stacking keeps every token, labels stay legible, the file lands where
OpenClaw accepts outbound media (references/charts.md), old charts go away."""

from __future__ import annotations

import os
import stat
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from token_monitor.report import chart


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 9), st.sampled_from([f"m{i}" for i in range(12)])),
                       st.floats(0, 1e9, allow_nan=False), max_size=80),
       st.integers(1, 8))
def test_stacks_add_up_to_every_value_whatever_is_folded(values, top):
    buckets = [(i, str(i)) for i in range(10)]
    spec = chart.chart_spec(buckets, values, title="t", subtitle="s", metric="tokens", top=top)
    assert spec.total == pytest.approx(sum(values.values()), rel=1e-9, abs=1e-6)
    assert len(spec.series) <= top + 1
    names = [n for n, _ in spec.series]
    assert len(names) == len(set(names))


def test_largest_models_are_kept_and_the_rest_is_other():
    buckets = [(0, "Mon"), (1, "Tue")]
    values = {(0, "big"): 100.0, (1, "big"): 50.0, (0, "mid"): 40.0, (0, "s1"): 1.0, (1, "s2"): 2.0}
    spec = chart.chart_spec(buckets, values, title="t", subtitle="s", metric="tokens", top=2)
    assert [n for n, _ in spec.series] == ["big", "mid", "other (2)"]
    assert spec.series[2][1] == (1.0, 2.0)


def test_one_leftover_model_is_named_not_folded():
    values = {(0, "a"): 3.0, (0, "b"): 2.0, (0, "c"): 1.0}
    spec = chart.chart_spec([(0, "x")], values, title="t", subtitle="s", metric="tokens", top=2)
    assert [n for n, _ in spec.series] == ["a", "b", "c"]


def test_month_labels_are_thinned_to_fit_a_phone():
    labels = chart.thin_labels([str(d) for d in range(1, 32)])
    shown = [x for x in labels if x]
    assert labels[0] == "1" and 4 <= len(shown) <= 8


@pytest.mark.parametrize("value,fmt,text", [(0, "tokens", "0"), (950, "tokens", "950"), (1500, "tokens", "1.5K"),
                                            (3_400_000, "tokens", "3.4M"), (0.05, "$", "$0.05"), (12, "$", "$12"),
                                            (2500, "¥", "¥2.5K"), (0, "¥", "¥0")])
def test_axis_numbers_read_like_the_text_report(value, fmt, text):
    assert chart.axis_number(value, fmt) == text


def _stat(mode: int, uid: int):
    return types.SimpleNamespace(st_mode=mode, st_uid=uid)


def test_temp_root_is_tmp_openclaw_when_it_is_ours_and_private():
    root, preferred = chart.openclaw_temp_root({}, uid=os.getuid(), lstat=lambda p: _stat(stat.S_IFDIR | 0o700, os.getuid()))
    assert (root, preferred) == (Path("/tmp/openclaw"), True)


@pytest.mark.parametrize("mode,owner", [(stat.S_IFDIR | 0o777, 0), (stat.S_IFLNK | 0o700, None), (stat.S_IFDIR | 0o700, 12345)])
def test_temp_root_falls_back_like_openclaw_when_tmp_openclaw_is_unsafe(mode, owner):
    uid = os.getuid()
    owner = uid if owner is None else owner
    if owner == uid and mode & 0o022 == 0 and stat.S_ISDIR(mode):
        pytest.skip("not unsafe")
    root, preferred = chart.openclaw_temp_root({"TMPDIR": "/var/tmp/x/"}, uid=uid, lstat=lambda p: _stat(mode, owner))
    assert (root, preferred) == (Path(f"/var/tmp/x/openclaw-{uid}"), False)


def test_default_chart_dir_is_inside_the_temp_root():
    d = chart.default_chart_dir({}, uid=os.getuid())
    root, _ = chart.openclaw_temp_root({}, uid=os.getuid())
    assert d.parent == root and d.name == "token-monitor"


def test_old_charts_are_removed_and_others_kept(tmp_path):
    old = tmp_path / f"{chart.CHART_PREFIX}week-1.png"
    new = tmp_path / f"{chart.CHART_PREFIX}week-2.png"
    mine_not = tmp_path / "holiday.png"
    for p in (old, new, mine_not):
        p.write_bytes(b"x")
    os.utime(old, (1000, 1000))
    os.utime(mine_not, (1000, 1000))
    os.utime(new, (1000 + chart.KEEP_SECONDS, 1000 + chart.KEEP_SECONDS))
    removed = chart.remove_old_charts(tmp_path, now_s=1000 + chart.KEEP_SECONDS + 1)
    assert removed == [old]
    assert new.exists() and mine_not.exists()
