"""Salvage a CSV export DuckDB cannot read as it is: decode it, row by row, into a clean UTF-8 copy.

DuckDB reads a well-formed UTF-8 CSV fast and strictly, and fails the whole file on one bad byte, one
record wider than 2 MB or one record with a column too many. Such a file (and every file of a source
declared in another encoding, or starting with a UTF-16 byte-order mark) is copied here, record by
record, into a temporary UTF-8 file DuckDB then reads strictly:

- a record that decodes and has the header's width is written as it is;
- a record that does not decode (``bad_encoding``), is larger than ``max_row_bytes`` (``row_too_large``)
  or has another number of columns than the header (``wrong_column_count``) is written as a placeholder
  row holding ``UNREADABLE_ROW`` (so the records after it keep their line numbers), and returned as a
  ``BadRow`` with its line number, a detail starting with the cause, and what of it can be shown.

Line numbers are those DuckDB gives: the 1-based data record (the header is line 0, blank lines are
skipped, a quoted newline stays inside its record). The temporary file is the caller's to delete.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

UNREADABLE_ROW = "__c360_unreadable_row__"  # first column of a placeholder row
PAYLOAD_CHARS = 1000  # of an unreadable row's text kept in its quarantine payload
UTF8, UTF16 = "utf-8", "utf-16"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, UTF16), (codecs.BOM_UTF16_BE, UTF16))


@dataclass(frozen=True)
class BadRow:
    line_number: int
    reason: str  # bad_encoding | row_too_large | wrong_column_count
    detail: str  # starts with the cause; names no value
    payload: str  # JSON: the row's text as far as it decodes (bad bytes as \xNN), cut to PAYLOAD_CHARS


class Unsalvageable(Exception):
    """The file itself is broken (a truncated gzip, a quote never closed): nothing to salvage row by row."""


def open_binary(path: str):
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def sniff_encoding(head: bytes, declared: str | None) -> str:
    """The encoding to read a file in: its byte-order mark says UTF-16 or UTF-8; else the source's
    declared encoding; else UTF-8."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return codecs.lookup(declared).name if declared else UTF8


def needs_decoding(encoding: str) -> bool:
    """DuckDB reads UTF-8 (with or without a BOM) itself; anything else is decoded here first."""
    return codecs.lookup(encoding).name not in ("utf-8", "utf-8-sig")


def _text(path: str, encoding: str):
    """The file as text: undecodable bytes become lone surrogates (UTF-8) or U+FFFD (other codecs)."""
    errors = "surrogateescape" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else "replace"
    return io.TextIOWrapper(open_binary(path), encoding=encoding, errors=errors, newline="")


def _undecodable(text: str, encoding: str) -> str | None:
    """How a decoded field shows it did not decode, None if it did."""
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            return f"byte 0x{code - 0xDC00:02X}"
        if ch == "\ufffd" and codecs.lookup(encoding).name not in ("utf-8", "utf-8-sig"):
            return "a byte sequence"
        if ch == "\x00":
            return "a NUL byte"
    return None


def _shown(fields: list[str]) -> str:
    text = ",".join(fields)
    raw = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    cut = raw[:PAYLOAD_CHARS] + (f"... ({len(raw):,} characters)" if len(raw) > PAYLOAD_CHARS else "")
    return json.dumps({"line": cut}, ensure_ascii=False)


def read_header(path: str, declared: str | None, max_bytes: int) -> tuple[list[str], str]:
    """The header's column names (stripped) and the encoding the file is read in."""
    with open_binary(path) as fh:
        head = fh.read(4)
    encoding = sniff_encoding(head, declared)
    with _text(path, encoding) as text:
        line = text.readline(max_bytes)
    if len(line) >= max_bytes and not line.endswith("\n"):
        raise ValueError(f"the header line is longer than {max_bytes:,} characters: not a CSV export")
    where = _undecodable(line, encoding)
    if where:
        raise UnicodeError(f"the header is not {encoding} text ({where})")
    return [name.strip() for name in next(csv.reader([line.rstrip("\r\n")]), [])], encoding


def salvage(path: str, encoding: str, width: int, out_path: Path, max_row_bytes: int) -> list[BadRow]:
    """Copy the data records of ``path`` into ``out_path`` (UTF-8 CSV with a header of c0..c<width-1>),
    placeholder rows for the unreadable ones, which are returned."""
    csv.field_size_limit(2**31 - 1)  # the size limit is ours (max_row_bytes), checked per record below
    bad: list[BadRow] = []
    try:
        with _text(path, encoding) as text, open(out_path, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow([f"c{i}" for i in range(width)])
            records = csv.reader(text, strict=False)
            next(records, None)  # the header (read_header already parsed it)
            line = 0
            for fields in records:
                if not fields:  # a blank line: DuckDB skips it and does not count it
                    continue
                line += 1
                size = sum(len(f.encode("utf-8", "surrogateescape")) for f in fields) + len(fields) - 1
                where = next(filter(None, (_undecodable(f, encoding) for f in fields)), None)
                if where:
                    column = next(i for i, f in enumerate(fields) if _undecodable(f, encoding))
                    problem = ("bad_encoding", (f"not valid {encoding} text: line {line} holds {where} in column "
                                                f"{column + 1}; the row is quarantined, the rest of the file loads"))
                elif size > max_row_bytes:
                    biggest = max(range(len(fields)), key=lambda i: len(fields[i]))
                    alone = len(fields[biggest].encode("utf-8", "surrogateescape"))
                    problem = ("row_too_large", (f"row too large: line {line} is {size:,} bytes (limit "
                                                 f"{max_row_bytes:,}, C360_MAX_ROW_BYTES); column {biggest + 1} "
                                                 f"alone is {alone:,}"))
                elif len(fields) != width:
                    problem = ("wrong_column_count", (f"wrong column count: line {line} has {len(fields)} columns, "
                                                      f"the header {width} (an unquoted comma or a stray quote?)"))
                else:
                    writer.writerow(fields)
                    continue
                bad.append(BadRow(line, problem[0], problem[1], _shown(fields)))
                writer.writerow([UNREADABLE_ROW] + [""] * (width - 1))
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise Unsalvageable(f"the compressed file is truncated or corrupt ({e})") from e
    except csv.Error as e:
        raise Unsalvageable(f"not a CSV file DuckDB or Python can split into rows ({e})") from e
    return bad
