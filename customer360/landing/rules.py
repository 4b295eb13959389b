"""The typing and row rules of the landing contract, as SQL over a load's staged rows.

Every row is typed once, then gets the first rule it breaks (missing_required, missing_one_of,
bad_timestamp/bad_date/bad_number/bad_boolean, epoch_placeholder/too_early/too_late (plausible dates),
negative/out_of_range, unknown_value, future_timestamp, duplicate_key within its export day) or passes. Cheap string tests only: this runs
on every row of a million-row day.
"""

from __future__ import annotations

from dataclasses import dataclass

from customer360.landing.contract import (
    BIGINT,
    BOOLEAN,
    BUSINESS_START,
    DATE,
    DOUBLE,
    EPOCH,
    TIMESTAMP,
    VARCHAR,
    Entity,
)
from customer360.settings import BUSINESS_START as BUSINESS_START_DATE
from customer360.sql import identifier as _ident
from customer360.sql import literal as _lit

TYPED, BAD = "_c360_typed", "_c360_bad"  # temp tables: the typed rows, the broken rows with their reason
FUTURE_TOLERANCE_DAYS = 1  # an event dated more than this many days after its export date is future
_WHITESPACE = "(' ' || chr(9) || chr(10) || chr(13))"  # DuckDB's trim() alone only strips spaces


def typed_expr(entity: Entity, name: str, col: str) -> str:
    """SQL turning the raw VARCHAR ``col`` into the contract type of column ``name`` (NULL if invalid).

    Timestamps must look like ISO 8601 (YYYY-MM-DD first). Ending in 'Z' they are UTC already; with
    an offset (+02:00, -0500, +02) they are converted to naive UTC; without one they are taken as UTC
    (the contract), independent of the session's TimeZone. Local-time entities (POS) keep the
    wall-clock time and ignore any offset. Whole numbers must be whole ('1.5' is not a BIGINT; DuckDB
    would round it). Cheap string tests only (no regular expressions, no trim unless the value starts
    with whitespace): this runs on every row of a million-row day.
    """
    c = entity.column(name)
    if c.type in (TIMESTAMP, DATE):
        v = f"(case when {col} < '0' then trim({col}, {_WHITESPACE}) else {col} end)"
        iso = f"({v} like '____-__-__%' and {v} >= '0' and {v} < ':')"
        if c.type == DATE:
            return f"(case when {iso} and length({v}) = 10 then try_cast({v} as date) end)"
        if entity.local_time:
            return f"(case when {iso} then try_cast({v} as timestamp) end)"
        has_offset = f"(strpos({v}, '+') > 0 or (length({v}) > 10 and strpos(right({v}, 6), '-') > 0))"
        return (
            f"(case when not {iso} then null "
            f"when ends_with({v}, 'Z') or ends_with({v}, 'z') then try_cast({v} as timestamp) "
            f"when {has_offset} then timezone('UTC', try_cast({v} as timestamptz)) "
            f"else try_cast({v} as timestamp) end)"
        )
    if c.type == BIGINT:
        return f"(case when try_cast({col} as double) = try_cast({col} as bigint) then try_cast({col} as bigint) end)"
    if c.type == DOUBLE:
        return f"(case when isfinite(try_cast({col} as double)) then try_cast({col} as double) end)"
    if c.type == BOOLEAN:
        return f"try_cast({col} as boolean)"
    return f"nullif({col}, '')"


def given_expr(col: str) -> str:
    """SQL: the raw VARCHAR ``col`` holds something (not NULL, not only whitespace).

    Compares before trimming: a value whose first byte is above ' ' is given without a copy.
    """
    return f"(case when {col} >= '!' then true when {col} is null then false else trim({col}, {_WHITESPACE}) <> '' end)"


def typed_column(name: str) -> str:
    """The typed value of a contract column in the typed table."""
    return _ident(f"t__{name}")


def _p(name: str) -> str:
    """The 'is given' flag (not NULL, not blank) of a contract column in the typed table."""
    return _ident(f"p__{name}")


def _flagged(entity: Entity) -> list[str]:
    """Columns that need an 'is given' flag: required, one-of-required and typed ones."""
    names = set(entity.required) | set(entity.one_of_required) | {c.name for c in entity.columns if c.type != VARCHAR}
    return [c for c in entity.column_names if c in names]


def _show(col: str) -> str:
    """A value for a detail sentence: quoted and cut to 60 characters."""
    return "chr(39) || left(" + col + ", 60) || chr(39)"


@dataclass(frozen=True)
class Rule:
    reason: str  # short and groupable: "<rule>:<column>"
    condition: str  # SQL over the typed table (t__<col> values, p__<col> flags); true = broken
    detail: str  # SQL over the raw columns giving the human sentence (only run on broken rows)


DEFAULT_BUSINESS_START = BUSINESS_START_DATE  # Settings.business_start (C360_BUSINESS_START) in a build


def date_rules(entity: Entity, business_start: str = DEFAULT_BUSINESS_START) -> list[Rule]:
    """Plausible dates (contract.Column.earliest / min_age_years): the 1970-01-01 epoch is a placeholder
    in any date or timestamp column; nothing before its lower bound (the business start for
    timestamps, 1900 for birth dates); a birth date no later than the export date minus N years."""
    rules: list[Rule] = []
    for c in entity.columns:
        if c.type not in (TIMESTAMP, DATE):
            continue
        shown = f"{_lit(c.name + ' ')} || {_show(_ident(c.name))}"
        value = f"cast({typed_column(c.name)} as date)"
        rules.append(Rule(f"epoch_placeholder:{c.name}", f"{value} = date {_lit(EPOCH)}",
                          f"{shown} || {_lit(' is the 1970-01-01 epoch, a placeholder for an unknown date')}"))
        if c.earliest:
            earliest = business_start if c.earliest == BUSINESS_START else c.earliest
            why = " (the business start, C360_BUSINESS_START)" if c.earliest == BUSINESS_START else ""
            rules.append(Rule(f"too_early:{c.name}", f"{value} < date {_lit(earliest)}",
                              f"{shown} || {_lit(f' is before {earliest}{why}')}"))
        if c.min_age_years:
            latest = f"(_export_date - interval {int(c.min_age_years)} year)"
            rules.append(Rule(f"too_late:{c.name}", f"{value} > {latest}",
                              f"{shown} || {_lit(f' is later than {c.min_age_years} years before the export date ')}"
                              " || _export_date::varchar"))
    return rules


def rules_for(entity: Entity, business_start: str = DEFAULT_BUSINESS_START) -> list[Rule]:
    """The row rules of an entity, in the order they are tried (the first broken one wins).

    Key duplicates are not here: they are looked for among the rows that pass every rule. Rules see
    each row's _export_date (the future and birth-date rules are relative to it).
    """
    q = _ident
    rules: list[Rule] = []
    for name in entity.required:
        rules.append(Rule(f"missing_required:{name}", f"not {_p(name)}", _lit(f"required column {name} is empty")))
    if entity.one_of_required:
        cols = entity.one_of_required
        rules.append(Rule(f"missing_one_of:{'|'.join(cols)}", "(" + " and ".join(f"not {_p(n)}" for n in cols) + ")",
                          _lit(f"none of {', '.join(cols)} is given; at least one is required")))
    kinds = {TIMESTAMP: ("bad_timestamp", "an ISO 8601 timestamp"), DATE: ("bad_date", "an ISO 8601 date"),
             BIGINT: ("bad_number", "a whole number"), DOUBLE: ("bad_number", "a finite number"),
             BOOLEAN: ("bad_boolean", "a boolean (true/false)")}
    for c in entity.columns:
        if c.type in kinds:
            reason, what = kinds[c.type]
            rules.append(Rule(f"{reason}:{c.name}", f"({_p(c.name)} and {typed_column(c.name)} is null)",
                              f"{_lit(c.name + ' ')} || {_show(q(c.name))} || {_lit(' is not ' + what)}"))
    rules += date_rules(entity, business_start)
    for c in entity.columns:
        if c.min is None and c.max is None:
            continue
        shown = f"{_lit(c.name + ' ')} || {_show(q(c.name))}"
        if c.min is not None and c.min >= 0:
            rules.append(Rule(f"negative:{c.name}", f"{typed_column(c.name)} < 0", f"{shown} || ' is negative'"))
        bounds = ([f"{typed_column(c.name)} < {c.min!r}"] if c.min is not None else []) + (
            [f"{typed_column(c.name)} > {c.max!r}"] if c.max is not None else [])
        lo, hi = ("" if c.min is None else f"{c.min:g}"), ("" if c.max is None else f"{c.max:g}")
        rules.append(Rule(f"out_of_range:{c.name}", "(" + " or ".join(bounds) + ")",
                          f"{shown} || {_lit(f' is outside {lo}..{hi}')}"))
    for c in entity.columns:
        if c.values:  # exact, as exported: downstream relies on these spellings
            allowed = ", ".join(_lit(v) for v in c.values)
            rules.append(Rule(f"unknown_value:{c.name}", f"{typed_column(c.name)} not in ({allowed})",
                              f"{_lit(c.name + ' ')} || {_show(q(c.name))} || "
                              f"{_lit(' is not one of ' + ', '.join(c.values))}"))
    if entity.event_time:
        et = entity.event_time
        limit = f"(_export_date + interval {FUTURE_TOLERANCE_DAYS + 1} day)"
        after = f" is more than {FUTURE_TOLERANCE_DAYS} day after the export date "
        rules.append(Rule(f"future_timestamp:{et}", f"{typed_column(et)} >= {limit}",
                          f"{_lit(et + ' ')} || {_show(q(et))} || {_lit(after)} || _export_date::varchar"))
    return rules


def classify_statements(entity: Entity, source_sql: str, extra_sql: str,
                        typed_table: str = TYPED, bad_table: str = BAD,
                        business_start: str = DEFAULT_BUSINESS_START) -> list[str]:
    """The SQL statements that type every staged row once and find the broken ones.

    ``source_sql`` yields _file_idx, _source_file, _export_date, _line_number and each contract column
    as raw VARCHAR; ``extra_sql`` an expression (over the stage) giving the row's _extra JSON.

    1. ``typed_table``: each row typed once (t__<col>), 'is given' flags (p__<col>) and _extra;
    2. ``bad_table`` (_file_idx, _line_number, _reason, _detail): the first rule each row breaks, the
       detail sentence built from the raw values of the broken rows only;
    3. among the rows that pass, the second and later copies of a key within one export day (in file
       then line order) are added as duplicate_key, naming where the first copy is.
    """
    rules = rules_for(entity, business_start)
    typed = [f"{typed_expr(entity, c, _ident(c))} as {typed_column(c)}" for c in entity.column_names]
    flags = [f"{given_expr(_ident(c))} as {_p(c)}" for c in _flagged(entity)]
    reason = "case " + " ".join(f"when {r.condition} then {_lit(r.reason)}" for r in rules) + " end"
    detail = "case _reason " + " ".join(f"when {_lit(r.reason)} then {r.detail}" for r in rules) + " end"
    type_rows = f"""
        create or replace temp table {typed_table} as
        select _file_idx, _source_file, _export_date, _line_number, {", ".join(typed + flags)},
               {extra_sql} as _extra
        from ({source_sql}) src
    """
    find_broken = f"""
        create or replace temp table {bad_table} as
        select _file_idx, _line_number, _reason, {detail} as _detail
        from (
            select _file_idx, _line_number, _reason
            from (select _file_idx, _line_number, {reason} as _reason from {typed_table}) checked
            where _reason is not null
        ) broken
        join ({source_sql}) src using (_file_idx, _line_number)
    """
    keys = [typed_column(k) for k in entity.key]
    shown = " || ', ' || ".join(f"{_lit(k + '=')} || coalesce({typed_column(k)}::varchar, 'NULL')" for k in entity.key)
    find_duplicates = f"""
        insert into {bad_table}
        select _file_idx, _line_number, 'duplicate_key',
               'duplicate key ' || {shown} || ': first seen in ' || _first_file || ' line ' || _first_line
        from (
            select _file_idx, _line_number, {", ".join(keys)},
                   row_number() over w as _copy,
                   first_value(_source_file) over w as _first_file,
                   first_value(_line_number) over w as _first_line
            from {typed_table}
            anti join {bad_table} using (_file_idx, _line_number)
            window w as (partition by _export_date, {", ".join(keys)} order by _file_idx, _line_number)
        ) copies
        where _copy > 1
    """
    return [type_rows, find_broken, find_duplicates]
