"""matrix-nio's schemas give the same verdicts, messages and filled-in defaults with
``backends.matrix.lean_jsonschema`` as with jsonschema itself, on valid instances built from
each schema and on each of them broken at every place (a value of every other JSON type, a key
taken away)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from jsonschema import validators as real_validators

import backends.matrix  # noqa: F401  (imports nio the backend's way)
from backends.matrix import lean_jsonschema

nio_schemas = sys.modules["nio.schemas"]
SCHEMAS: dict[str, Any] = {
    name: value for name, value in vars(nio_schemas.Schemas).items() if isinstance(value, dict)
}
OTHER_VALUES: list[Any] = [None, True, False, 0, 1, -1, 1.0, 2.5, "", "x", "@a:b", [], [1], {}]


def nios_validator(library: Any, extend: Any) -> tuple[Any, Any]:
    """nio's validator and format checker (``nio.schemas``' code) made with ``library``."""
    validate_properties = library.Draft4Validator.VALIDATORS["properties"]

    def set_defaults(validator: Any, properties: Any, instance: Any, schema: Any) -> Iterator[Any]:
        for name, subschema in properties.items():
            if "default" in subschema:
                instance.setdefault(name, subschema["default"])
        yield from validate_properties(validator, properties, instance, schema)

    checker = library.FormatChecker()
    checker.checks("user_id", ValueError)(nio_schemas.check_user_id)
    checker.checks("http_url", ValueError)(nio_schemas.check_http_url)
    return extend(library.Draft4Validator, {"properties": set_defaults}), checker


REAL, REAL_CHECKER = nios_validator(jsonschema, real_validators.extend)
LEAN, LEAN_CHECKER = nios_validator(lean_jsonschema, lean_jsonschema.extend)


def outcome(validate: Any, instance: Any) -> tuple[str, str, str]:
    """(what was raised, its message, the instance afterwards) of one validation."""
    try:
        validate(instance)
    except (jsonschema.ValidationError, lean_jsonschema.ValidationError) as error:
        return "invalid", error.message, json.dumps(instance, sort_keys=True)
    except Exception as error:  # both must fail the same way
        return type(error).__name__, "", json.dumps(instance, sort_keys=True)
    return "valid", "", json.dumps(instance, sort_keys=True)


def sample(schema: Any) -> Any:
    """An instance the schema's types, required keys and formats accept (mostly)."""
    if not isinstance(schema, dict):
        return None
    if "enum" in schema:
        return copy.deepcopy(schema["enum"][0])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    properties = schema.get("properties", {})
    if kind == "object":
        names = [*schema.get("required", []), *properties]
        made = {name: sample(properties.get(name, {})) for name in names}
        for pattern, subschema in schema.get("patternProperties", {}).items():
            made.setdefault(
                "key" if pattern.startswith(".") else "@key:example.org", sample(subschema)
            )
        return made
    if kind == "array":
        items = schema.get("items", {})
        return [sample(items)] if isinstance(items, dict) else [sample(each) for each in items]
    formats = {
        "user_id": "@alice:example.org",
        "http_url": "https://example.org",
        "room_id": "!r:x",
    }
    return {
        "string": formats.get(schema.get("format", ""), "text"),
        "integer": 3,
        "number": 2.5,
        "boolean": True,
        "null": None,
    }.get(str(kind))


def places(instance: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``instance``."""
    if isinstance(instance, dict):
        for key, value in instance.items():
            yield (*path, key)
            yield from places(value, (*path, key))
    elif isinstance(instance, list):
        for index, value in enumerate(instance):
            yield (*path, index)
            yield from places(value, (*path, index))


def variants(schema: Any) -> Iterator[Any]:
    """The sample, then the sample broken at each place in each way."""
    base = sample(schema)
    yield base
    yield from OTHER_VALUES
    for path in places(base):
        for value in [*OTHER_VALUES, "remove"]:
            broken = copy.deepcopy(base)
            parent = broken
            for step in path[:-1]:
                parent = parent[step]
            if value == "remove" and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(value)
            yield broken


def _keywords(schema: Any, found: set[str], formats: set[str], types: set[str]) -> None:
    if not isinstance(schema, dict):
        return
    for keyword, value in schema.items():
        found.add(keyword)
        if keyword in ("properties", "patternProperties"):
            for subschema in value.values():
                _keywords(subschema, found, formats, types)
        elif keyword in ("items", "not", "additionalProperties") and isinstance(value, dict):
            _keywords(value, found, formats, types)
        elif keyword == "format":
            formats.add(value)
        elif keyword == "type":
            types.update([value] if isinstance(value, str) else value)


def test_nios_schemas_use_only_what_the_lean_validator_implements() -> None:
    keywords: set[str] = set()
    formats: set[str] = set()
    types: set[str] = set()
    for schema in SCHEMAS.values():
        _keywords(schema, keywords, formats, types)
    assert len(SCHEMAS) > 90
    assert not keywords & lean_jsonschema.NOT_IMPLEMENTED
    assert keywords & set(jsonschema.Draft4Validator.VALIDATORS) <= set(
        lean_jsonschema.Draft4Validator.VALIDATORS
    )
    assert types <= set(lean_jsonschema.TYPES)
    known_to_jsonschema = set(jsonschema.FormatChecker().checkers)  # those it would check
    assert formats - {"user_id", "http_url"} <= formats - known_to_jsonschema


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_of_nios_schemas_gives_jsonschemas_verdicts(name: str) -> None:
    schema = SCHEMAS[name]
    checked = 0
    for instance in variants(schema):
        real = outcome(
            lambda i: REAL(schema, format_checker=REAL_CHECKER).validate(i), copy.deepcopy(instance)
        )
        lean = outcome(
            lambda i: LEAN(schema, format_checker=LEAN_CHECKER).validate(i), copy.deepcopy(instance)
        )
        assert lean == real, (name, instance)
        checked += 1
    assert checked > len(OTHER_VALUES)


def test_nio_validates_with_the_lean_validator_and_jsonschema_is_not_imported() -> None:
    code = """
import json, sys
import backends.matrix
import nio.schemas, nio.responses, nio.events.misc, nio.crypto.olm_machine
names = [nio.schemas.Draft4Validator.__module__, nio.responses.ValidationError.__module__,
         nio.events.misc.SchemaError.__module__, nio.crypto.olm_machine.ValidationError.__module__]
loaded = sorted(m for m in ("jsonschema", "referencing", "rpds") if m in sys.modules)
bad = nio.responses.RoomSendResponse.from_dict({"event_id": 5}, "!r:x")  # not a string
import jsonschema  # a later importer gets the real one
print(json.dumps([names, loaded, type(bad).__name__, jsonschema.__name__,
                  hasattr(jsonschema, "RefResolver") or hasattr(jsonschema, "Draft7Validator")]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    names, loaded, bad, real_name, real = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(names) == {"backends.matrix.lean_jsonschema"}
    assert loaded == []
    assert bad == "RoomSendError"
    assert real_name == "jsonschema" and real is True


def test_an_unimplemented_keyword_is_refused_not_passed() -> None:
    with pytest.raises(NotImplementedError):
        lean_jsonschema.Draft4Validator({"maxLength": 2}).validate("long")
    lean_jsonschema.Draft4Validator({"const": 1}).validate(2)  # not Draft 4: ignored by both
    jsonschema.Draft4Validator({"const": 1}).validate(2)
