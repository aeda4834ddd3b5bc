"""Koha's list parameters as SQL: ``q`` JSON, field filters with ``_match``, order and pages.

Koha reads ``q`` with SQL::Abstract semantics; the operators here are the ones Koha's clients use.
Field names are API attribute names, mapped to columns by each resource; anything else is refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from koha_bridge.sandbox.api.http import QueryParams
from koha_bridge.sandbox.clock import parse_api_datetime, to_api_datetime

DEFAULT_PAGE_SIZE = 20  # Koha's RESTdefaultPageSize
PAGING = {"_page", "_per_page", "_match", "_order_by", "q"}
COMPARISONS = {"=": "=", "!=": "!=", "<>": "!=", ">": ">", ">=": ">=", "<": "<", "<=": "<="}


class InvalidQuery(ValueError):
    """The query cannot be understood; Koha answers 400 invalid_query."""


@dataclass(frozen=True)
class ListQuery:
    where: str
    params: list[Any]
    order_by: str
    page: int
    per_page: int  # -1: everything

    @property
    def limit_clause(self) -> str:
        if self.per_page == -1:
            return ""
        return f" LIMIT {self.per_page} OFFSET {(self.page - 1) * self.per_page}"


def _number(params: QueryParams, name: str, default: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidQuery(f"{name} must be an integer") from None


def _column(field: str, columns: Mapping[str, str]) -> str:
    name = field.removeprefix("me.")
    if name not in columns:
        raise InvalidQuery(f"unknown attribute {field!r}")
    return columns[name]


def _value(value: Any) -> Any:
    """Date-times compare as the sandbox stores them (UTC, RFC 3339, explicit offset)."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            return to_api_datetime(parse_api_datetime(value.replace(" ", "T", 1)))
        except ValueError:
            return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dict, list)):
        raise InvalidQuery("a value must be a string, a number or null")
    return value


def _condition(field: str, spec: Any, columns: Mapping[str, str], params: list[Any]) -> str:
    column = _column(field, columns)
    if spec is None:
        return f"{column} IS NULL"
    if isinstance(spec, list):  # SQL::Abstract: a list of values means any of them
        if not spec:
            return "0"
        params.extend(_value(v) for v in spec)
        return f"{column} IN ({', '.join('?' * len(spec))})"
    if not isinstance(spec, dict):
        params.append(_value(spec))
        return f"{column} = ?"
    parts = []
    for operator, operand in spec.items():
        op = operator.lower()
        if op in COMPARISONS:
            if operand is None:
                parts.append(f"{column} IS {'NOT ' if op in ('!=', '<>') else ''}NULL")
                continue
            params.append(_value(operand))
            parts.append(f"{column} {COMPARISONS[op]} ?")
        elif op in ("-like", "-not_like"):
            params.append(_value(operand))
            parts.append(f"{column} {'NOT ' if op == '-not_like' else ''}LIKE ? ESCAPE '\\'")
        elif op in ("-in", "-not_in"):
            values = operand if isinstance(operand, list) else [operand]
            if not values:
                parts.append("1" if op == "-not_in" else "0")
                continue
            params.extend(_value(v) for v in values)
            negate = "NOT " if op == "-not_in" else ""
            parts.append(f"{column} {negate}IN ({', '.join('?' * len(values))})")
        elif op in ("-between", "-not_between"):
            if not isinstance(operand, list) or len(operand) != 2:
                raise InvalidQuery(f"{operator} takes two values")
            params.extend(_value(v) for v in operand)
            parts.append(f"{column} {'NOT ' if op == '-not_between' else ''}BETWEEN ? AND ?")
        else:
            raise InvalidQuery(f"unsupported operator {operator!r}")
    return " AND ".join(parts) or "1"


def _clause(query: Any, columns: Mapping[str, str], params: list[Any]) -> str:
    if isinstance(query, list):  # a list of hashes is OR
        return "(" + " OR ".join(_clause(q, columns, params) for q in query) + ")" if query else "1"
    if not isinstance(query, dict):
        raise InvalidQuery("q must be a JSON object or array")
    parts = []
    for key, value in query.items():
        if key.lower() in ("-and", "-or"):
            joiner = " AND " if key.lower() == "-and" else " OR "
            items = value if isinstance(value, list) else [{k: v} for k, v in value.items()]
            inner = [_clause(item, columns, params) for item in items]
            parts.append("(" + joiner.join(inner) + ")" if inner else "1")
        else:
            parts.append(_condition(key, value, columns, params))
    return "(" + " AND ".join(parts) + ")" if parts else "1"


def _match(field: str, raw: str, how: str, columns: Mapping[str, str], params: list[Any]) -> str:
    column = _column(field, columns)
    escaped = raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if how == "exact":
        params.append(raw)
        return f"{column} = ?"
    pattern = {"contains": f"%{escaped}%", "starts_with": f"{escaped}%", "ends_with": f"%{escaped}"}
    params.append(pattern[how])
    return f"CAST({column} AS TEXT) LIKE ? ESCAPE '\\'"


def _order(raw: str | None, columns: Mapping[str, str], default: str) -> str:
    if not raw:
        return default
    terms = []
    for term in raw.split(","):
        term = term.strip()
        direction = "DESC" if term.startswith("-") else "ASC"
        terms.append(f"{_column(term.lstrip('+-'), columns)} {direction}")
    return ", ".join(terms)


def build(
    params: QueryParams,
    columns: Mapping[str, str],
    default_order: str,
    fixed: tuple[str, list[Any]] | None = None,
) -> ListQuery:
    """The WHERE, ORDER BY and page of a list request; field filters are any API attribute."""
    sql_params: list[Any] = []
    clauses = []
    if fixed:
        clauses.append(fixed[0])
        sql_params.extend(fixed[1])
    how = (params.get("_match") or "contains").lower()
    if how not in ("contains", "exact", "starts_with", "ends_with"):
        raise InvalidQuery("_match must be contains, exact, starts_with or ends_with")
    for name in sorted(params.names() - PAGING):
        values = params.getall(name)
        inner = [_match(name, v, how, columns, sql_params) for v in values]
        clauses.append("(" + " OR ".join(inner) + ")")
    for raw in params.getall("q"):
        try:
            query = json.loads(raw)
        except ValueError:
            raise InvalidQuery("q is not valid JSON") from None
        clauses.append(_clause(query, columns, sql_params))
    page = _number(params, "_page", 1)
    per_page = _number(params, "_per_page", DEFAULT_PAGE_SIZE)
    if page < 1 or per_page == 0 or per_page < -1:
        raise InvalidQuery("_page must be 1 or more and _per_page -1 or more than 0")
    return ListQuery(
        where=" AND ".join(clauses) or "1",
        params=sql_params,
        order_by=_order(params.get("_order_by"), columns, default_order),
        page=page,
        per_page=per_page,
    )
