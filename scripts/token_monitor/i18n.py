"""The words of alert and heartbeat paragraphs in the user's language (gettext catalogues).

Catalogues are GNU gettext `.po` files kept as text inside the package (`locale/<lang>.po.txt`:
ClawHub publishes only text files with known extensions, so neither a compiled `.mo` nor a
`.po` suffix would survive publishing). At run time the `.po` text is compiled in memory into the
`.mo` layout and handed to the standard library's `gettext.GNUTranslations`, so lookups, plural
rules (`Plural-Forms`) and fallbacks are gettext's own. English is the source language: its
"catalogue" is `gettext.NullTranslations`.

Languages are chosen by BCP 47 tags (`en`, `en-US`, `zh-CN`, `zh-Hans`, `zh`); numbers, amounts and
ids are formatted before they reach a message, so they read the same in every language.
"""

from __future__ import annotations

import ast
import functools
import gettext
import io
import re
import struct
from importlib import resources

from .errors import UsageError

DEFAULT_LANG = "en"
LANGS = {"en": "English", "zh-CN": "简体中文"}
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def normalize_lang(tag: str | None) -> str:
    """The supported language a BCP 47 tag asks for ("zh-Hans-CN" -> "zh-CN"); UsageError otherwise."""
    text = (tag or "").strip()
    if not _TAG.match(text):
        raise UsageError(f"--lang: {tag!r} is not a language tag", hint="use a BCP 47 tag: en, zh-CN")
    parts = [p.lower() for p in re.split(r"[-_]", text)]
    if parts[0] == "en":
        return "en"
    if parts[0] == "zh" and not ({"hant", "tw", "hk", "mo"} & set(parts[1:])):
        return "zh-CN"
    raise UsageError(f"--lang: no {text} translation yet", hint="available: " + ", ".join(LANGS))


@functools.lru_cache(maxsize=None)
def translations(lang: str = DEFAULT_LANG) -> gettext.NullTranslations:
    """gettext translations for a normalized language ("en" -> the source strings)."""
    if lang == DEFAULT_LANG:
        return gettext.NullTranslations()
    text = resources.files(__package__).joinpath("locale", f"{lang.replace('-', '_')}.po.txt").read_text(encoding="utf-8")
    return gettext.GNUTranslations(io.BytesIO(compile_po(text)))


# --------------------------------------------------------------------------- .po -> .mo (as msgfmt does)
def parse_po(text: str) -> dict[str, list[str]]:
    """{msgid (with "\\x04" context and "\\0" plural as in .mo keys): [msgstr, ...]} of a .po file's text.
    Fuzzy and untranslated entries are left out, as msgfmt leaves them out."""
    entries: dict[str, list[str]] = {}
    cur: dict[str, object] = {}
    field: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal cur, fuzzy
        if "msgid" in cur:
            strs = cur.get("msgstr") or []
            key = str(cur["msgid"])
            if "msgid_plural" in cur:
                key += "\0" + str(cur["msgid_plural"])
            if "msgctxt" in cur:
                key = str(cur["msgctxt"]) + "\x04" + key
            if (key == "" or not fuzzy) and any(strs):
                entries[key] = list(strs)          # type: ignore[arg-type]
        cur, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if "msgid" in cur:
                    flush()
                fuzzy = True
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
        if m:
            name, index, value = m.group(1), m.group(2), ast.literal_eval(m.group(3))
            if name in ("msgctxt", "msgid") and "msgid" in cur and (name == "msgctxt" or "msgstr" in cur):
                flush()
            if name == "msgstr":
                strs = cur.setdefault("msgstr", [])
                i = int(index or 0)
                while len(strs) <= i:               # type: ignore[arg-type]
                    strs.append("")                  # type: ignore[union-attr]
                strs[i] = value                      # type: ignore[index]
                field = f"msgstr[{i}]"
            else:
                cur[name] = value
                field = name
        elif line.startswith('"') and field:
            value = ast.literal_eval(line)
            if field.startswith("msgstr["):
                cur["msgstr"][int(field[7:-1])] += value   # type: ignore[index]
            else:
                cur[field] = str(cur[field]) + value
        else:
            raise ValueError(f"unreadable .po line: {raw!r}")
    flush()
    return entries


def compile_po(text: str) -> bytes:
    """The GNU .mo bytes for a .po file's text (little-endian, no hash table: gettext does not need one)."""
    entries = sorted((k.encode("utf-8"), "\0".join(v).encode("utf-8")) for k, v in parse_po(text).items())
    n = len(entries)
    key_start = 7 * 4 + 16 * n
    ids = strs = b""
    offsets = []
    for k, v in entries:
        offsets.append((len(k), len(ids), len(v), len(strs)))
        ids += k + b"\0"
        strs += v + b"\0"
    value_start = key_start + len(ids)
    koffsets, voffsets = [], []
    for klen, kpos, vlen, vpos in offsets:
        koffsets += [klen, kpos + key_start]
        voffsets += [vlen, vpos + value_start]
    header = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    return header + struct.pack(f"<{2 * n}I", *koffsets) + struct.pack(f"<{2 * n}I", *voffsets) + ids + strs
