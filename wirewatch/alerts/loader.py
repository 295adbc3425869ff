"""Load the rules YAML into AlertRules; every error names its line and the fix."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from wirewatch.alerts.errors import RulesError
from wirewatch.alerts.rules import AlertRules

Loc = tuple[str | int, ...]


def _line_map(node: yaml.Node, path: Loc, lines: dict[Loc, int]) -> None:
    """Record the 1-based line of every key and list item under `node`."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, str(key_node.value))
            lines[child] = key_node.start_mark.line + 1
            _line_map(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*path, index), lines)


def _line_of(loc: Loc, lines: dict[Loc, int]) -> int:
    """The line of `loc`, or of its nearest ancestor that the file spells out."""
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 1


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the last key of `loc`, to list its allowed keys."""
    current: Any = AlertRules
    for part in loc[:-1]:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            current = field.annotation if field else None
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return None
        while typing.get_origin(current) in (typing.Union, types.UnionType):
            current = next(a for a in typing.get_args(current) if a is not type(None))
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fix(error: Any, loc: Loc) -> str:
    """A concrete suggestion for one pydantic error."""
    kind = error["type"]
    field = str(loc[-1]) if loc else "the file"
    if kind == "missing":
        return f"add `{field}:`"
    if kind == "extra_forbidden":
        model = _model_at(loc)
        allowed = ", ".join(model.model_fields) if model else "see docs/alerts.md"
        return f"remove or rename `{field}`; allowed keys here: {allowed}"
    if kind in ("literal_error", "enum"):
        return "use one of the values listed"
    if kind.startswith(("int_", "float_", "greater_", "less_")):
        return f"give `{field}` a number in range"
    if kind == "value_error":
        return "see the message above"
    return f"correct `{field}` (see docs/alerts.md)"


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def parse_rules(text: str, source: str = "<rules>") -> AlertRules:
    """Validate rules YAML text; raise RulesError naming each bad line and its fix."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RulesError(
            source,
            [f"{source}:{line}: YAML syntax: {exc.problem}. Fix: check indentation and quoting"],
        ) from None
    lines: dict[Loc, int] = {}
    if root is not None:
        _line_map(root, (), lines)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RulesError(source, [f"{source}:1: the file must be a mapping with `rules:`"])
    try:
        rules = AlertRules.model_validate(data, context={"defer_references": True})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append(
                f"{source}:{_line_of(loc, lines)}: {_dotted(loc)}: {error['msg']}. "
                f"Fix: {_fix(error, loc)}"
            )
        raise RulesError(source, problems) from None
    references = rules.reference_errors()
    if references:
        raise RulesError(
            source,
            [f"{source}:{_line_of(loc, lines)}: {_dotted(loc)}: {msg}" for loc, msg in references],
        )
    return rules


def load_rules(path: Path) -> AlertRules:
    """Read and validate a rules file (see deploy/alerts/rules.yaml and docs/alerts.md)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(str(path), [f"{path}: cannot read: {exc.strerror}"]) from None
    return parse_rules(text, str(path))
