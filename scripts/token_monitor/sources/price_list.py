"""Prices from a maintained, offline price list (the `genai-prices` package and its bundled
snapshot), for calls OpenClaw left unpriced. A price in openclaw.json always wins; this list only
fills gaps, and every figure priced from it says so ("est (price list genai-prices <version>)").

OpenClaw's provider ids are mapped to the list's by hand (`PROVIDERS`): the list's own fuzzy
provider matching would price `openai-codex` (a ChatGPT plan) as the OpenAI API. Plan-billed and
local providers (`NOT_PER_TOKEN`) are never priced from the list. A provider we do not know (a
user's proxy, e.g. `my-proxy/glm-4.7`) is matched by model id alone, which is what a proxy user
expects; the matched list entry is reported so a wrong match is visible in `diagnose`.

Rates are taken per million tokens at one instant (`as_of`, the end of the report's window), the
base tier of tiered prices: a group's token sums are priced linearly, exactly like configured
prices. Price changes inside a window, long-context tiers and DeepSeek's off-peak discount are
therefore not modelled; it is an estimate and is labelled as one.

`genai_prices` (pydantic, ~0.4 s to load its data) is imported only when a lookup misses the small
JSON cache kept in token-monitor's data dir, keyed by the list's version and the `as_of` day.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterable, Mapping

from ..model import Price

PACKAGE = "genai-prices"
CACHE_NAME = "price-list-cache.json"
CACHE_SCHEMA = 1

# OpenClaw provider id (after normalize_provider) -> genai-prices provider id.
PROVIDERS = {
    "anthropic": "anthropic",
    "openai": "openai",
    "moonshot": "moonshotai",
    "moonshotai": "moonshotai",
    "zai": "zai",
    "zhipu": "zhipuai",
    "zhipuai": "zhipuai",
    "deepseek": "deepseek",
    "minimax": "minimax",
    "google": "google",
    "google-vertex": "google",
    "xai": "x-ai",
    "grok": "x-ai",
    "mistral": "mistral",
    "openrouter": "openrouter",
    "groq": "groq",
    "cerebras": "cerebras",
    "together": "together",
    "fireworks": "fireworks",
    "perplexity": "perplexity",
    "cohere": "cohere",
    "amazon-bedrock": "aws",
    "bedrock": "aws",
    "azure": "azure",
    "azure-openai": "azure",
    "novita": "novita",
    "baseten": "baseten",
    "arcee": "arcee",
    "meta": "meta",
}
# Billed by a plan or free/local: a per-token list price would be a number nobody pays.
NOT_PER_TOKEN = frozenset({
    "openai-codex", "github-copilot", "google-gemini-cli", "google-antigravity", "claude-cli",
    "qwen-portal", "qwen-token-plan", "minimax-portal", "kimi", "volcengine-plan",
    "ollama", "lmstudio", "vllm", "sglang", "llamacpp", "openclaw",
})


def version() -> str | None:
    """The installed list's version, or None when the package is missing."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(PACKAGE)
    except PackageNotFoundError:
        return None


def label(ver: str | None) -> str:
    return f"price list {PACKAGE} {ver}" if ver else f"price list {PACKAGE}"


def _rate(value) -> float | None:
    if value is None:
        return None
    base = getattr(value, "base", value)          # TieredPrices: the base tier
    return float(base)


def _from_snapshot(provider: str, model: str, *, as_of: dt.datetime, source: str) -> Price | None:
    """One lookup in genai-prices' bundled snapshot (imports it)."""
    if provider in NOT_PER_TOKEN:
        return None
    from genai_prices import data_snapshot

    snap = data_snapshot.get_snapshot()
    list_provider = PROVIDERS.get(provider)
    try:
        if list_provider is not None:
            prov = data_snapshot.find_provider_by_id(snap.providers, list_provider)
            found = prov.find_model(model, all_providers=snap.providers) if prov else None
            if found is None:
                return None
        else:
            # A proxy: the model's home provider first (in PROVIDERS order), then the list's own guess.
            found = None
            for pid in dict.fromkeys(PROVIDERS.values()):
                prov = data_snapshot.find_provider_by_id(snap.providers, pid)
                found = prov.find_model(model) if prov else None
                if found is not None:
                    break
            if found is None:
                prov, found = snap.find_provider_model(model, None, None, None)
    except LookupError:
        return None
    prices = found.get_prices(as_of)
    inp, out = _rate(prices.input_mtok), _rate(prices.output_mtok)
    if inp is None and out is None:
        return None                                 # the list knows the model but not its token price
    inp = inp or 0.0
    cr, cw = _rate(prices.cache_read_mtok), _rate(prices.cache_write_mtok)
    owner = next((p.id for p in snap.providers if any(m is found for m in p.models)), prov.id)
    return Price(input=inp, output=out or 0.0,
                 # Without a cache rate the provider bills cached tokens as input (genai-prices' rule).
                 cache_read=inp if cr is None else cr, cache_write=inp if cw is None else cw,
                 source=source, matched=f"{owner}/{found.id}")


def list_prices(pairs: Iterable[tuple[str, str]], *, as_of: dt.datetime,
                cache_dir: Path | None = None) -> dict[tuple[str, str], Price | None]:
    """{(provider, model): Price from the list (source "price list genai-prices <version>") or None}.
    Without the package every pair is None: those calls stay "unpriced", and diagnose says why."""
    wanted = sorted(set(pairs))
    if not wanted:
        return {}
    ver = version()
    if ver is None:
        return {p: None for p in wanted}
    source = label(ver)
    day = as_of.astimezone(dt.timezone.utc).date().isoformat()
    cache = _read_cache(cache_dir, ver, day)
    out: dict[tuple[str, str], Price | None] = {}
    missing = []
    for prov, model in wanted:
        hit = cache.get(f"{prov}\x1f{model}", False)
        if hit is False:
            missing.append((prov, model))
        else:
            out[(prov, model)] = Price(**hit, source=source) if hit else None
    for prov, model in missing:
        found = _from_snapshot(prov, model, as_of=as_of, source=source)
        out[(prov, model)] = found
        cache[f"{prov}\x1f{model}"] = None if found is None else {
            "input": found.input, "output": found.output, "cache_read": found.cache_read,
            "cache_write": found.cache_write, "matched": found.matched}
    if missing:
        _write_cache(cache_dir, ver, day, cache)
    return out


def _read_cache(cache_dir: Path | None, ver: str, day: str) -> dict:
    if cache_dir is None:
        return {}
    try:
        data = json.loads((cache_dir / CACHE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != CACHE_SCHEMA or data.get("version") != ver \
            or data.get("asOf") != day or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _write_cache(cache_dir: Path | None, ver: str, day: str, entries: Mapping) -> None:
    """Best effort (a read-only data dir only costs the next run a lookup); atomic, 0600."""
    if cache_dir is None or not cache_dir.is_dir():
        return
    from ..files import write_private

    body = json.dumps({"schema": CACHE_SCHEMA, "version": ver, "asOf": day, "entries": dict(entries)})
    try:
        write_private(cache_dir / CACHE_NAME, lambda f: f.write(body))
    except OSError:
        pass
