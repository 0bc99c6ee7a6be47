"""tools/clawhub_publish_set.py selects exactly the files the real `clawhub` CLI publishes.

The reference is recorded, not guessed: tools/clawhub/record_real.mjs ran the real npm packages
clawhub 0.23.3 (npm latest) and 0.20.0 (the last with the text-only filter) on the trees described by
tests/fixtures/clawhub/tree*.json; tests/fixtures/clawhub/real-<version>-<tree>.json is what it printed
(the package's own file collector, and what `clawhub skill publish` uploads or the error it stops with).
Every rule the trees exercise is listed in tools/clawhub/FILTER.md.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "clawhub"
TOOL = ROOT / "tools" / "clawhub_publish_set.py"
VERSIONS = ("0.23.3", "0.20.0")
TREES = ("tree", "tree-big-file", "tree-big-total")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


port = _load("clawhub_publish_set", TOOL)
build_tree = _load("clawhub_build_tree", ROOT / "tools" / "clawhub" / "build_tree.py")


def _json(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for tree in TREES:
        dest = tmp_path_factory.mktemp("clawhub") / tree
        build_tree.build(_json(f"{tree}.json"), dest)
        built[tree] = dest
    return built


def _paths(entries) -> list[str]:
    return [e["path"] for e in entries]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("tree", TREES)
def test_port_lists_exactly_the_files_the_real_collector_lists(trees, tree, version):
    real = _json(f"real-{version}-{tree}.json")
    assert real["clawhub_version"] == version
    assert port.list_skill_files(trees[tree], version) == _paths(real["listed"]["files"])


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("tree", TREES)
def test_port_uploads_what_real_clawhub_publish_uploads_or_stops_with_its_error(trees, tree, version):
    published = _json(f"real-{version}-{tree}.json")["published"]
    files, problems = port.upload_set(trees[tree], version)
    if "error" in published:
        assert problems == [published["error"]]
    else:
        assert problems == []
        assert files == _paths(published["files"])
        assert [(trees[tree] / f).stat().st_size for f in files] == [f["size"] for f in published["files"]]


def test_the_recordings_exercise_the_rules_named_in_filter_md():
    new = {f["path"] for f in _json("real-0.23.3-tree.json")["listed"]["files"]}
    old = {f["path"] for f in _json("real-0.20.0-tree.json")["listed"]["files"]}
    published = set(_paths(_json("real-0.23.3-tree.json")["published"]["files"]))
    # dropped by both: dot segments, node_modules, symlinks, root .gitignore/.clawhubignore/.clawdhubignore
    for dropped in (".hidden.md", "a/b/.d.md", "dir/.secret/x.md", "node_modules/pkg/index.js",
                    "sub/node_modules/x.js", "a/node_modules", "link.md", "build/out.md", "src/build/x.md",
                    "rootonly.md", "deep/x/y/gone.md", "Upper-Case.md", "#hash.md", "!bang.md", "spaced.md",
                    "single.md", "tests/keep.md", "fixtures/sub/x.json", "legacy-ignored.md", "sub/drop.sql",
                    "q/r/double.md"):
        assert dropped not in new and dropped not in old, dropped
    for kept in ("sub/keep.md", "sub/rootonly.md", "fixtures/keep.json", "docs/important.md", "keep.sql",
                 "crange.md", "LICENSE", "Makefile", "weird..name.md", "__MACOSX/x.md", "naïve.md"):
        assert kept in new and kept in old, kept
    # the text-only filter of 0.20.0 and earlier; gone in 0.21+
    for binary_or_unknown in ("data.jsonl", "notes.md.bak", "db.sqlite", "t.jsonl.zst", "dump.sql.gz",
                              "binary-noext", "straddle-noext", "image.png"):
        assert binary_or_unknown in new and binary_or_unknown not in old, binary_or_unknown
    assert "bin.md" in old and "tail-binary-noext" in old  # extension trusted; only 4096 bytes sniffed
    # `[!x]` negates a class in ignore 7.0.6 (clawhub 0.23.3) but not in 7.0.5 (clawhub 0.20.0)
    assert "aneg.md" not in new and "xneg.md" in new
    assert "aneg.md" in old and "!neg.md" not in old
    # a repeated leading `**/**/` collapses in ignore 7.0.6 only, so it matches at the root there
    assert "double.md" not in new and "double.md" in old
    # publish re-adds an ignored SKILL.md and strips a root skill-card.md
    assert "SKILL.md" not in new and "SKILL.md" in published
    assert "skill-card.md" in new and "skill-card.md" not in published and "sub/skill-card.md" in published


@pytest.mark.parametrize("version", VERSIONS)
def test_registry_refuses_a_path_with_two_dots_and_drops_macosx(trees, version):
    files, problems = port.publish_set(trees["tree"], version)
    assert problems == ["Invalid file paths (weird..name.md)"]
    assert "__MACOSX/x.md" not in files and "weird..name.md" in files


@pytest.mark.parametrize("tree, message", [("tree-big-file", 'File "big.txt" exceeds 10MB limit'),
                                           ("tree-big-total", "Skill bundle exceeds 50MB limit")])
@pytest.mark.parametrize("version", VERSIONS)
def test_size_limits_exit_1_with_the_registry_message(trees, tree, message, version):
    run = subprocess.run([sys.executable, str(TOOL), str(trees[tree]), "--cli", version],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr == f"clawhub_publish_set: {message}\n"
    assert " MB of the 50 MB limit" in run.stdout.splitlines()[-1]


def test_copy_writes_exactly_the_publish_set(tmp_path):
    tree = _json("tree.json")
    src = tmp_path / "src"
    build_tree.build({"files": [e for e in tree["files"] if e["path"] != "weird..name.md"]}, src)
    dest = tmp_path / "published"
    run = subprocess.run([sys.executable, str(TOOL), str(src), "--copy", str(dest), "--json"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    copied = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    real = _paths(_json("real-0.23.3-tree.json")["published"]["files"])
    assert copied == _paths(report["files"]) == [p for p in real if p not in ("weird..name.md", "__MACOSX/x.md")]
    assert report["total_bytes"] == sum((dest / p).stat().st_size for p in copied)


def test_missing_folder_is_a_one_line_error_with_exit_2(tmp_path):
    run = subprocess.run([sys.executable, str(TOOL), str(tmp_path / "nope")], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "is not a folder" in run.stderr
