"""The part of jsonschema that matrix-nio uses, for nio's own schemas: a Draft 4 validator.

matrix-nio checks every response and event against its schemas (``nio.schemas``) with
``jsonschema.Draft4Validator`` extended to fill in defaults. jsonschema 4 brings ``referencing``
(its ``$ref`` registry), ``rpds`` (a Rust library of persistent maps), the bundled meta-schemas of
every draft and ``attrs``' new namespace: 36 modules and 2.0 MB resident in every Chinwag with a
Matrix account (docs/performance.md, "Memory, session 9"), for schemas that use eleven keywords
and no ``$ref``.

This module offers the names nio imports (``Draft4Validator``, ``FormatChecker``,
``validators.extend``, ``ValidationError``, ``SchemaError``) with jsonschema's Draft 4 semantics
for those keywords: the same keyword functions, run in the schema's order, the first error raised
(nio's defaults are set as far as jsonschema would have got), the same error messages. A Draft 4
keyword it does not implement raises :class:`NotImplementedError` instead of passing silently;
unknown keywords are ignored, as Draft 4 does (nio's schemas use ``const``, a later draft's).
``tests/unit/backends/matrix/test_lean_jsonschema.py`` runs nio's schemas through both on the
same instances. :func:`backends.matrix.lean_nio.import_nio` hands it to nio at import.
"""

from __future__ import annotations

import numbers
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, ClassVar

Keyword = Callable[["Draft4Validator", Any, Any, Any], "Iterator[ValidationError] | None"]


class ValidationError(Exception):
    """An instance that does not match its schema (jsonschema's ``message`` and ``cause``)."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause

    def __str__(self) -> str:
        return self.message


class SchemaError(Exception):
    """A schema that is not valid (nio catches it beside :class:`ValidationError`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FormatError(Exception):
    """A value that is not of its ``format`` (turned into a :class:`ValidationError`)."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause


class UnknownType(Exception):
    """A ``type`` that Draft 4 does not name."""


class FormatChecker:
    """Checks the formats registered with :meth:`checks` (nio registers ``user_id`` and
    ``http_url``); a format not registered passes, as in jsonschema."""

    def __init__(self) -> None:
        self.checkers: dict[str, tuple[Callable[[Any], Any], Any]] = {}

    def checks(
        self, format: str, raises: Any = ()
    ) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
        def register(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
            self.checkers[format] = (check, raises)
            return check

        return register

    def check(self, instance: Any, format: str) -> None:
        if format not in self.checkers:
            return
        check, raises = self.checkers[format]
        result, cause = None, None
        try:
            result = check(instance)
        except raises as error:
            cause = error
        if not result:
            raise FormatError(f"{instance!r} is not a {format!r}", cause=cause)


def _is_integer(instance: Any) -> bool:
    return not isinstance(instance, bool) and isinstance(instance, int)


def _is_number(instance: Any) -> bool:
    return not isinstance(instance, bool) and isinstance(instance, numbers.Number)


TYPES: dict[str, Callable[[Any], bool]] = {
    "array": lambda instance: isinstance(instance, list),
    "boolean": lambda instance: isinstance(instance, bool),
    "integer": _is_integer,
    "null": lambda instance: instance is None,
    "number": _is_number,
    "object": lambda instance: isinstance(instance, dict),
    "string": lambda instance: isinstance(instance, str),
}
"""Draft 4's types (an integer-valued float is not an ``integer`` before Draft 6)."""

NOT_IMPLEMENTED = frozenset(
    {
        "$ref",
        "additionalItems",
        "allOf",
        "anyOf",
        "dependencies",
        "maxItems",
        "maxLength",
        "maxProperties",
        "maximum",
        "minItems",
        "minLength",
        "minProperties",
        "multipleOf",
        "oneOf",
        "uniqueItems",
    }
)
"""Draft 4 keywords that nio's schemas do not use and this validator does not implement."""


def _unbool(element: Any, true: object = object(), false: object = object()) -> Any:
    if element is True:
        return true
    if element is False:
        return false
    return element


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality for ``enum``: ``True`` is not ``1``, also inside lists and maps."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(i, j) for i, j in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return one.keys() == two.keys() and all(equal(one[key], two[key]) for key in one)
    return bool(_unbool(one) == _unbool(two))


def _type(validator: Draft4Validator, types: Any, instance: Any, schema: Any) -> Iterator[Any]:
    names = [types] if isinstance(types, str) else types
    if not any(validator.is_type(instance, name) for name in names):
        reprs = ", ".join(repr(name) for name in names)
        yield ValidationError(f"{instance!r} is not of type {reprs}")


def _properties(
    validator: Draft4Validator, properties: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for name, subschema in properties.items():
        if name in instance:
            yield from validator.descend(instance[name], subschema)


def _pattern_properties(
    validator: Draft4Validator, patterns: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if re.search(pattern, key):
                yield from validator.descend(value, subschema)


def _additional_properties(
    validator: Draft4Validator, allowed: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    properties = schema.get("properties", {})
    patterns = "|".join(schema.get("patternProperties", {}))
    extras = {
        name
        for name in instance
        if name not in properties and not (patterns and re.search(patterns, name))
    }
    if validator.is_type(allowed, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], allowed)
    elif not allowed and extras:
        if "patternProperties" in schema:
            verb = "does" if len(extras) == 1 else "do"
            joined = ", ".join(repr(each) for each in sorted(extras))
            regexes = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
            yield ValidationError(f"{joined} {verb} not match any of the regexes: {regexes}")
        else:
            names = sorted(extras, key=str)
            verb = "was" if len(names) == 1 else "were"
            listed = ", ".join(repr(name) for name in names)
            yield ValidationError(
                f"Additional properties are not allowed ({listed} {verb} unexpected)"
            )


def _required(
    validator: Draft4Validator, required: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield ValidationError(f"{name!r} is a required property")


def _items(validator: Draft4Validator, items: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "array"):
        return
    if validator.is_type(items, "object"):
        for item in instance:
            yield from validator.descend(item, items)
    else:
        for item, subschema in zip(instance, items, strict=False):
            yield from validator.descend(item, subschema)


def _enum(validator: Draft4Validator, enums: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if all(not equal(each, instance) for each in enums):
        yield ValidationError(f"{instance!r} is not one of {enums!r}")


def _pattern(validator: Draft4Validator, pattern: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "string") and not re.search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _minimum(validator: Draft4Validator, minimum: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "number"):
        return
    if schema.get("exclusiveMinimum", False):
        failed, comparison = instance <= minimum, "less than or equal to"
    else:
        failed, comparison = instance < minimum, "less than"
    if failed:
        yield ValidationError(f"{instance!r} is {comparison} the minimum of {minimum!r}")


def _not(validator: Draft4Validator, not_schema: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.evolve(schema=not_schema).is_valid(instance):
        yield ValidationError(f"{instance!r} should not be valid under {not_schema!r}")


def _format(validator: Draft4Validator, format: Any, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.format_checker is not None:
        try:
            validator.format_checker.check(instance, format)
        except FormatError as error:
            yield ValidationError(error.message, cause=error.cause)


class Draft4Validator:
    """jsonschema's ``Draft4Validator`` for the keywords in :attr:`VALIDATORS`."""

    VALIDATORS: ClassVar[dict[str, Keyword]] = {
        "additionalProperties": _additional_properties,
        "enum": _enum,
        "format": _format,
        "items": _items,
        "minimum": _minimum,
        "not": _not,
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "properties": _properties,
        "required": _required,
        "type": _type,
    }

    def __init__(self, schema: Any, format_checker: FormatChecker | None = None) -> None:
        self.schema = schema
        self.format_checker = format_checker

    def is_type(self, instance: Any, type: str) -> bool:
        check = TYPES.get(type)
        if check is None:
            raise UnknownType(type)
        return check(instance)

    def evolve(self, schema: Any) -> Draft4Validator:
        return type(self)(schema, self.format_checker)

    def descend(self, instance: Any, schema: Any) -> Iterator[Any]:
        yield from self.evolve(schema).iter_errors(instance)

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        schema = self.schema
        if schema is True:
            return
        if schema is False:
            yield ValidationError(f"False schema does not allow {instance!r}")
            return
        for keyword, value in schema.items():
            check = self.VALIDATORS.get(keyword)
            if check is not None:
                yield from check(self, value, instance, schema) or ()
            elif keyword in NOT_IMPLEMENTED:
                raise NotImplementedError(f"the JSON Schema keyword {keyword!r}")

    def is_valid(self, instance: Any) -> bool:
        return next(self.iter_errors(instance), None) is None

    def validate(self, instance: Any) -> None:
        for error in self.iter_errors(instance):
            raise error


def extend(validator: type[Draft4Validator], keywords: dict[str, Keyword]) -> type[Draft4Validator]:
    """jsonschema's ``validators.extend``: a validator class with ``keywords`` added or replaced
    (nio replaces ``properties`` by one that sets defaults first)."""
    return type(validator.__name__, (validator,), {"VALIDATORS": validator.VALIDATORS | keywords})


def stand_ins() -> dict[str, ModuleType]:
    """``jsonschema``, ``jsonschema.exceptions`` and ``jsonschema.validators`` as nio imports
    them, made from this module."""
    package = ModuleType("jsonschema", __doc__)
    exceptions = ModuleType("jsonschema.exceptions")
    validators = ModuleType("jsonschema.validators")
    for name in ("ValidationError", "SchemaError", "FormatError"):
        setattr(exceptions, name, getattr(sys.modules[__name__], name))
        setattr(package, name, getattr(sys.modules[__name__], name))
    validators.extend = extend  # type: ignore[attr-defined]
    validators.Draft4Validator = Draft4Validator  # type: ignore[attr-defined]
    package.Draft4Validator = Draft4Validator  # type: ignore[attr-defined]
    package.FormatChecker = FormatChecker  # type: ignore[attr-defined]
    package.exceptions = exceptions  # type: ignore[attr-defined]
    package.validators = validators  # type: ignore[attr-defined]
    return {
        "jsonschema": package,
        "jsonschema.exceptions": exceptions,
        "jsonschema.validators": validators,
    }
