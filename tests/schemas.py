"""The JSON Schemas in references/json-schemas/, loaded once, with their cross-file $refs resolved:
`validate(envelope)` checks one --json output against the schema of the command it names."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "references" / "json-schemas"
SCHEMAS = {p.stem: json.loads(p.read_text()) for p in sorted(SCHEMA_DIR.glob("*.json"))}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def validate(envelope: dict, command: str | None = None) -> None:
    """Raise jsonschema.ValidationError unless `envelope` is valid for its command's schema."""
    name = command or envelope.get("command")
    schema = SCHEMAS[name]
    jsonschema.Draft202012Validator(schema, registry=REGISTRY,
                                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(envelope)
