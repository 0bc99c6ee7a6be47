"""A skill installed from ClawHub under another slug is still `token-monitor` to real OpenClaw.

tests/fixtures/integration/clawhub-slug-2026.9.6/ is what real OpenClaw 2026.9.6 printed with the
publish set (tools/clawhub_publish_set.py --copy of a clean clone) in ~/.openclaw/skills/token-monitor-ledger/
- the folder `openclaw skills install token-monitor-ledger --global` creates - recorded offline by
tools/clawhub/openclaw_slug_check.py. The frontmatter `name` is what lists, resolves and becomes the
slash command; the folder name is not a skill name at all.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "tests" / "fixtures" / "integration" / "clawhub-slug-2026.9.6"
SLUG = "token-monitor-ledger"


def _read(name: str) -> str:
    return (RECORD / name).read_text(encoding="utf-8")


def test_real_openclaw_lists_the_skill_from_the_slug_folder_as_token_monitor_and_eligible():
    assert _read("openclaw-version.txt").startswith("OpenClaw 2026.9.6")
    row = json.loads(_read("skills-list-row.json"))
    assert row["name"] == "token-monitor"
    assert row["eligible"] is True and not any(row["missing"].values())
    assert row["userInvocable"] is True and row["commandVisible"] is True  # offered as /token-monitor


def test_real_openclaw_info_resolves_token_monitor_from_the_slug_folder():
    info = json.loads(_read("skills-info.json"))
    assert info["name"] == "token-monitor" and info["skillKey"] == "token-monitor"
    assert info["eligible"] is True
    assert info["baseDir"] == f"~/.openclaw/skills/{SLUG}"
    assert info["filePath"] == f"~/.openclaw/skills/{SLUG}/SKILL.md"
    text = _read("skills-info.txt")
    assert text.startswith("🧮 token-monitor ✓ Ready")
    assert f"Path: ~/.openclaw/skills/{SLUG}/SKILL.md" in text


def test_the_folder_name_is_not_a_skill_name():
    text = _read("skills-info-by-slug.txt")
    assert text.startswith(f"$ openclaw skills info {SLUG}\nexit 1\n")
    assert f'Skill "{SLUG}" not found' in text


def test_the_record_was_offline_and_holds_no_machine_path():
    assert _read("isolation.txt") == "unshare -n: yes\nnetguard preload: yes, attempts logged: 0\n"
    for p in RECORD.iterdir():
        text = p.read_text(encoding="utf-8")
        assert "/tmp/" not in text and "/root" not in text and str(ROOT) not in text, p.name
