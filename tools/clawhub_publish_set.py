#!/usr/bin/env python3
"""The exact file set `clawhub skill publish DIR` would publish (stdlib-only port of clawhub 0.23.3 and 0.20.0).

    python3 tools/clawhub_publish_set.py DIR              # one "SIZE PATH" line per file, then the total
    python3 tools/clawhub_publish_set.py DIR --json       # {"files": [{"path", "size"}], "total_bytes", ...}
    python3 tools/clawhub_publish_set.py DIR --copy DEST  # copy that set into DEST (must not exist)
    python3 tools/clawhub_publish_set.py DIR --cli 0.20.0 # the rules of clawhub <= 0.20 (text files only)

Run it on a clean clone (`git clone . /tmp/x`), not on a working tree: untracked files count too.
Every rule, with its source line, is in tools/clawhub/FILTER.md; tests/test_clawhub_filter.py checks
this port against the real package's decisions recorded by tools/clawhub/record_real.mjs.

Exit codes: 0 the set would publish; 1 the CLI or the registry would refuse the whole publish (a file
over 10 MB, more than 50 MB in all, a path containing "..", no SKILL.md, a plugin folder); 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

# packages/clawhub/src/schema/textFiles.ts (dist/schema/textFiles.js:1-48)
TEXT_FILE_EXTENSIONS = frozenset(
    "md mdx txt json json5 yaml yml toml js cjs mjs ts tsx jsx py sh ps1 psm1 psd1 r rb go rs swift kt "
    "java cs cpp c h hpp sql csv tsv ini cfg conf env properties dat xml html css scss sass svg".split()
)
TEXT_SAMPLE_BYTES = 4096  # dist/skills.js:12
# convex/lib/publishLimits.ts:12-13 (server side)
MAX_PUBLISH_TOTAL_BYTES = 50 * 1024 * 1024
MAX_PUBLISH_FILE_BYTES = 10 * 1024 * 1024
# dist/skills.js:56
DEFAULT_IGNORES = (".git/", "node_modules/", ".clawhub/", ".clawdhub/")
IGNORE_FILES = (".gitignore", ".clawhubignore", ".clawdhubignore")  # dist/skills.js:57-59


# ---------------------------------------------------------------------------------------------------------
# gitignore rules exactly as the `ignore` npm package 7.0.5 (index.js) compiles them to regular expressions.
# Each step mirrors one entry of its REPLACERS table; the JS regexes it emits are also valid Python regexes.

def _sanitize_range(rng: str) -> str:
    return re.sub(r"([0-z])-([0-z])", lambda m: m.group(0) if ord(m.group(1)) <= ord(m.group(2)) else "", rng)


def _clean_range_backslash(slashes: str) -> str:
    return slashes[: len(slashes) - len(slashes) % 2]


def _negate_range(rng: str) -> str:  # ignore 7.0.6 (clawhub 0.23.x): [!a] and [^a] negate the class
    if rng.startswith("!") or rng.startswith("\\^"):
        return "^" + rng[1 if rng[0] == "!" else 2:]
    return rng


def _make_regex_prefix(pattern: str, ignore_version: str) -> str:
    new = ignore_version != "7.0.5"
    s = pattern
    s = re.sub(r"^\ufeff", "", s, count=1)
    s = re.sub(r"((?:\\\\)*?)(\\?\s+)$", lambda m: m.group(1) + (" " if m.group(2).startswith("\\") else ""),
               s, count=1)
    s = re.sub(r"(\\+?)\s", lambda m: m.group(1)[: len(m.group(1)) - len(m.group(1)) % 2] + " ", s)
    s = re.sub(r"[\\$.|*+(){^]", lambda m: "\\" + m.group(0), s)
    s = re.sub(r"(?!\\)\?", lambda m: "[^/]", s)
    s = re.sub(r"^/", lambda m: "^", s, count=1)
    s = re.sub(r"/", lambda m: "\\/", s)
    leading_globstars = r"^\^*(?:\\\*\\\*\\/)+" if new else r"^\^*\\\*\\\*\\/"
    s = re.sub(leading_globstars, lambda m: "^(?:.*\\/)?", s, count=1)
    starting = "(?:^|\\/)" if not re.search(r"/(?!$)", pattern) else "^"
    s = re.sub(r"^(?=[^^])", lambda m: starting, s, count=1)
    s = re.sub(r"\\/\\\*\\\*(?=\\/|$)",
               lambda m: "(?:\\/[^\\/]+)*" if m.start() + 6 < len(m.string) else "\\/.+", s)
    s = re.sub(r"(^|[^\\]+)(\\\*)+(?=.+)", lambda m: m.group(1) + m.group(2).replace("\\*", "[^\\/]*"), s)
    s = re.sub(r"\\\\\\(?=[$.|*+(){^])", lambda m: "\\", s)
    s = re.sub(r"\\\\", lambda m: "\\", s)

    def _range(m: re.Match) -> str:
        lead, rng, end, close = m.group(1), m.group(2), m.group(3), m.group(4)
        if lead == "\\":
            return f"\\[{rng}{_clean_range_backslash(end)}{close}"
        if close == "]":
            rng = _sanitize_range(rng)
            return f"[{_negate_range(rng) if new else rng}{end}]" if len(end) % 2 == 0 else "[]"
        return "[]"

    s = re.sub(r"(\\)?\[([^\]/]*?)(\\*)($|\])", _range, s)
    s = re.sub(r"(?:[^*])$", lambda m: m.group(0) + "$" if m.group(0).endswith("/") else m.group(0) + "(?=$|\\/$)",
               s, count=1)
    return s


def _compile(prefix: str) -> re.Pattern | None:
    def trailing(m: re.Match) -> str:  # TRAILING_WILD_CARD_REPLACERS[MODE_IGNORE]
        p1 = m.group(1)
        return (f"{p1}[^/]+" if p1 else "[^/]*") + "(?=$|\\/$)"

    source = re.sub(r"(^|\\/)?\\\*$", trailing, prefix, count=1)
    try:
        return re.compile(source, re.IGNORECASE)  # ignore() defaults to ignorecase: true
    except re.error:
        return None  # a JS RegExp that Python cannot compile: treat as a rule that never matches


@dataclass
class _Rule:
    negative: bool
    regex: re.Pattern | None


class Ignore:
    """`ignore()` from the npm package: add() lines, ignores(relpath)."""

    def __init__(self, ignore_version: str = "7.0.6") -> None:
        self.ignore_version = ignore_version
        self.rules: list[_Rule] = []
        self._cache: dict[str, tuple[bool, bool]] = {}

    def add(self, lines) -> None:
        for pattern in lines:
            if (not pattern or re.match(r"^\s+$", pattern) or re.search(r"(?:[^\\]|^)\\$", pattern)
                    or pattern.startswith("#")):
                continue
            negative = pattern.startswith("!")
            body = pattern[1:] if negative else pattern
            body = re.sub(r"^\\!", "!", body, count=1)
            body = re.sub(r"^\\#", "#", body, count=1)
            self.rules.append(_Rule(negative, _compile(_make_regex_prefix(body, self.ignore_version))))
            self._cache.clear()

    def _test(self, path: str) -> tuple[bool, bool]:
        ignored = unignored = False
        for rule in self.rules:
            neg = rule.negative
            if (unignored == neg and ignored != unignored) or (neg and not ignored and not unignored):
                continue  # checkUnignored is false for ignores()
            if rule.regex is None or not rule.regex.search(path):
                continue
            ignored, unignored = not neg, neg
        return ignored, unignored

    def _t(self, path: str) -> tuple[bool, bool]:
        if path in self._cache:
            return self._cache[path]
        slices = [s for s in path.split("/") if s]
        slices.pop()
        if not slices:
            result = self._test(path)
        else:
            parent = self._t("/".join(slices) + "/")
            result = parent if parent[0] else self._test(path)
        self._cache[path] = result
        return result

    def ignores(self, path: str) -> bool:
        return self._t(path)[0]


# ---------------------------------------------------------------------------------------------------------
# listSkillFiles (0.23.3 dist/skills.js:51-86) / listTextFiles (0.20.0 dist/skills.js:52-78) and helpers

def _extension(rel: str) -> str:
    name = rel.split("/")[-1]
    dot = name.rfind(".")
    return name[dot + 1:].lower() if dot > 0 else ""


def _likely_text(path: Path) -> bool:
    with open(path, "rb") as fh:
        sample = fh.read(TEXT_SAMPLE_BYTES)
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _walk(directory: Path):
    """readdir walk: skips names starting with "." and "node_modules"; symlinks are neither dir nor file."""
    with os.scandir(directory) as it:
        entries = list(it)
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "node_modules":
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file(follow_symlinks=False):
            yield Path(entry.path)


def _read_ignore_lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return []
    return re.split(r"\r?\n", raw)


CLI_VERSIONS = {"0.23.3": "7.0.6", "0.20.0": "7.0.5"}  # clawhub version -> the `ignore` version it pins
LATEST = "0.23.3"


def list_skill_files(root: Path, cli: str = LATEST) -> list[str]:
    """Relative paths the package's collector keeps: listSkillFiles (0.21+) or listTextFiles (0.20.x)."""
    root = root.resolve()
    ig = Ignore(CLI_VERSIONS[cli])
    ig.add(DEFAULT_IGNORES)
    for name in IGNORE_FILES:
        ig.add(_read_ignore_lines(root / name))
    kept = []
    for path in _walk(root):
        rel = path.relative_to(root).as_posix()
        if ig.ignores(rel):
            continue
        if any(seg.startswith(".") for seg in rel.split("/")):
            continue
        if cli == "0.20.0":  # the text-only filter, removed in clawhub 0.21 (openclaw/clawhub#3196)
            ext = _extension(rel)
            if ext and ext not in TEXT_FILE_EXTENSIONS:
                continue
            if not ext and not _likely_text(path):
                continue
        kept.append(rel)
    return sorted(kept)


def _is_manifest(rel: str) -> bool:
    return rel.lower() in ("skill.md", "skills.md")


def _size_problems(root: Path, files: list[str]) -> list[str]:
    problems = [f'File "{f}" exceeds 10MB limit' for f in files
                if (root / f).stat().st_size > MAX_PUBLISH_FILE_BYTES][:1]
    if not problems and sum((root / f).stat().st_size for f in files) > MAX_PUBLISH_TOTAL_BYTES:
        problems.append("Skill bundle exceeds 50MB limit")
    return problems


def upload_set(root: Path, cli: str = LATEST) -> tuple[list[str], list[str]]:
    """(files `clawhub skill publish` would upload, reasons the CLI refuses to upload anything)."""
    root = root.resolve()
    if _looks_like_plugin(root):
        return [], ['This looks like a plugin. Use "clawhub package publish <source>" instead.']
    files = list_skill_files(root, cli)
    # 0.21+: listSkillFiles(root, limits) throws before anything is uploaded (the registry checks again)
    problems = _size_problems(root, files) if cli != "0.20.0" else []
    if not any(_is_manifest(f) for f in files):  # ensureRootManifestFile: SKILL.md is uploaded even if ignored
        manifests = sorted(e.name for e in os.scandir(root)
                           if e.is_file(follow_symlinks=False) and _is_manifest(e.name))
        if manifests:
            files.append(manifests[0])
    files = [f for f in files if f.strip().lower() != "skill-card.md"]  # stripGeneratedSkillCards
    if not files:
        problems.append("No files found")
    elif not any(_is_manifest(f) for f in files):
        problems.append("SKILL.md required")
    return sorted(files), problems


def publish_set(root: Path, cli: str = LATEST) -> tuple[list[str], list[str]]:
    """(files the registry stores, reasons the CLI or the registry refuses the whole publish; then nothing is)."""
    root = root.resolve()
    files, problems = upload_set(root, cli)
    if problems:
        return files, problems
    # convex/lib/skills/index.ts: isMacJunkPath drops __MACOSX/... silently; sanitizePath refuses ".." and "\\"
    files = [f for f in files if "__macosx" not in f.lower().split("/")]
    problems = [f"Invalid file paths ({f})" for f in files if ".." in f or "\\" in f]
    problems += [f"Invalid upload path ({f[:40]}...)" for f in files if len(f) > 500]  # lib/skillZip.ts
    problems += _size_problems(root, files)  # convex/lib/skillPublish.ts derivePublishFilesFromStorage
    return files, problems


def _looks_like_plugin(root: Path) -> bool:
    for marker in ("openclaw.plugin.json", ".codex-plugin/plugin.json", ".claude-plugin/plugin.json",
                   ".cursor-plugin/plugin.json"):
        if (root / marker).is_file():
            return True
    pkg = root / "package.json"
    if not pkg.is_file():
        return False
    try:
        raw = json.loads(pkg.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(raw, dict) and isinstance(raw.get("openclaw"), (dict, list))  # JS: typeof == "object"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("dir", type=Path, help="skill folder (a clean clone)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of lines")
    ap.add_argument("--copy", type=Path, metavar="DEST", help="copy the publish set into DEST (must not exist)")
    ap.add_argument("--cli", choices=sorted(CLI_VERSIONS), default=LATEST,
                    help=f"clawhub version whose rules to apply (default {LATEST}, the npm latest)")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        print(f"clawhub_publish_set: {args.dir} is not a folder; pass the skill folder (a clean clone)",
              file=sys.stderr)
        return 2
    if args.copy is not None and args.copy.exists():
        print(f"clawhub_publish_set: {args.copy} exists; pass a new folder to --copy", file=sys.stderr)
        return 2
    files, problems = publish_set(args.dir, args.cli)
    sizes = {f: (args.dir / f).stat().st_size for f in files}
    total = sum(sizes.values())
    if args.json:
        print(json.dumps({"files": [{"path": f, "size": sizes[f]} for f in files], "total_bytes": total,
                          "limit_bytes": MAX_PUBLISH_TOTAL_BYTES, "problems": problems}, indent=1))
    else:
        for f in files:
            print(f"{sizes[f]:>10} {f}")
        print(f"{len(files)} files, {total} bytes ({total / 1048576:.2f} MB of the 50 MB limit)")
    for p in problems:
        print(f"clawhub_publish_set: {p}", file=sys.stderr)
    if args.copy is not None and not problems:
        for f in files:
            dest = args.copy / f
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(args.dir / f, dest)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
