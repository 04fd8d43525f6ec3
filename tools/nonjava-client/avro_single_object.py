#!/usr/bin/env python3
"""Avro single-object encoding with nothing but the Python standard library.

A partner system that has no Java can still speak the readmission events on Kafka: it needs the
published .avsc files and this much of the Avro specification (1.12, "Binary Encoding",
"Single-object encoding", "Parsing Canonical Form for Schemas", "Schema Fingerprints"):

    payload = C3 01 | CRC-64-AVRO(parsing canonical form of the schema), 8 bytes little-endian | Avro binary body

What this module does:

* ``SchemaRegistry.load(folder)`` reads every .avsc under a folder (named types may refer to each
  other across files by full name, in any order) and resolves the references;
* ``canonical_form(schema)`` and ``fingerprint(schema)`` compute the parsing canonical form and its
  CRC-64-AVRO (Rabin) fingerprint;
* ``encode(schema, value)`` / ``decode(schema, data)`` turn Python values into Avro binary and back
  (records are dicts, enums are symbol strings, unions take the plain value, ``date`` is a
  ``datetime.date`` and ``timestamp-millis`` an aware ``datetime``; both also accept ISO strings);
* ``registry.frame(full_name, value)`` / ``registry.unframe(payload)`` add and remove the
  single-object header, finding the schema of a payload by its fingerprint.

Command line (no Java needed to check what the Java services send):

    python3 avro_single_object.py fingerprints <avsc folder>        # '<full name> <16 hex digits>' per top-level type
    python3 avro_single_object.py canonical <avsc folder> <full name>
    python3 avro_single_object.py decode <avsc folder> <payload file> # JSON: schema, fingerprint, value
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "AvroError", "SchemaRegistry", "canonical_form", "fingerprint", "fingerprint_hex",
    "encode", "decode", "to_json",
]

PRIMITIVES = ("null", "boolean", "int", "long", "float", "double", "bytes", "string")
SINGLE_OBJECT_MARKER = b"\xc3\x01"
HEADER_LENGTH = 10
EPOCH_DATE = dt.date(1970, 1, 1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


class AvroError(ValueError):
    """A schema that cannot be read, a value that does not fit its schema, or a payload that cannot be decoded."""


# --------------------------------------------------------------------------------------------------
# Schemas: a small graph of nodes; named types are shared objects (so references and recursion work).
# --------------------------------------------------------------------------------------------------

@dataclass(eq=False)
class Primitive:
    type: str
    logical_type: str | None = None


@dataclass(eq=False)
class Field:
    name: str
    schema: Any
    default: Any = None
    has_default: bool = False


@dataclass(eq=False)
class Record:
    full_name: str
    fields: list[Field] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)  # every attribute of the .avsc (doc, ceType ...)
    type: str = "record"


@dataclass(eq=False)
class Enum:
    full_name: str
    symbols: list[str]
    default: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    type: str = "enum"


@dataclass(eq=False)
class Fixed:
    full_name: str
    size: int
    logical_type: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    type: str = "fixed"


@dataclass(eq=False)
class Array:
    items: Any
    type: str = "array"


@dataclass(eq=False)
class Map:
    values: Any
    type: str = "map"


@dataclass(eq=False)
class Union:
    branches: list[Any]
    type: str = "union"


@dataclass(eq=False)
class _Reference:
    """A name used before it is known to be defined; replaced by the named type once every file is read."""
    name: str
    namespace: str | None
    where: str


Named = (Record, Enum, Fixed)


def _full_name(name: str, namespace: str | None) -> str:
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def _namespace_of(full_name: str) -> str | None:
    return full_name.rsplit(".", 1)[0] if "." in full_name else None


class SchemaRegistry:
    """All named types of a set of .avsc files, by full name, plus the top-level type of each file."""

    def __init__(self) -> None:
        self.named: dict[str, Any] = {}
        self.top_level: dict[str, Any] = {}  # full name -> schema, in file order
        self.files: dict[str, Path] = {}     # full name of a top-level type -> its file
        self._by_fingerprint: dict[int, Any] | None = None
        self._references: list[tuple[Any, str, Any]] = []

    # ---- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: str | Path) -> "SchemaRegistry":
        """Reads every *.avsc below folder (sorted by path) and resolves names across the files."""
        folder = Path(folder)
        files = sorted(folder.rglob("*.avsc"))
        if not files:
            raise AvroError(f"no .avsc files under {folder}")
        registry = cls()
        for path in files:
            registry.add_file(path)
        registry.resolve()
        return registry

    def add_file(self, path: Path) -> Any:
        with open(path, encoding="utf-8") as f:
            try:
                document = json.load(f)
            except json.JSONDecodeError as e:
                raise AvroError(f"{path}: not JSON: {e}") from None
        schema = self._parse(document, None, str(path))
        if isinstance(schema, Named):
            self.top_level[schema.full_name] = schema
            self.files[schema.full_name] = path
        return schema

    def _define(self, schema: Any, where: str) -> None:
        if schema.full_name in self.named:
            raise AvroError(f"{where}: {schema.full_name} is defined twice")
        self.named[schema.full_name] = schema
        self._by_fingerprint = None

    def _parse(self, node: Any, namespace: str | None, where: str) -> Any:
        if isinstance(node, str):
            if node in PRIMITIVES:
                return Primitive(node)
            return _Reference(node, namespace, where)
        if isinstance(node, list):
            return Union([self._parse(branch, namespace, where) for branch in node])
        if not isinstance(node, dict) or "type" not in node:
            raise AvroError(f"{where}: not a schema: {node!r}")
        kind = node["type"]
        if kind in PRIMITIVES:
            return Primitive(kind, node.get("logicalType"))
        if kind == "array":
            return Array(self._parse(node["items"], namespace, where))
        if kind == "map":
            return Map(self._parse(node["values"], namespace, where))
        if kind in ("record", "error", "enum", "fixed"):
            full_name = _full_name(node["name"], node.get("namespace", namespace))
            inner_namespace = _namespace_of(full_name)
            if kind == "enum":
                schema = Enum(full_name, list(node["symbols"]), node.get("default"), dict(node))
                self._define(schema, where)
                return schema
            if kind == "fixed":
                schema = Fixed(full_name, int(node["size"]), node.get("logicalType"), dict(node))
                self._define(schema, where)
                return schema
            schema = Record(full_name, [], dict(node))  # an "error" is a record too
            self._define(schema, where)  # before the fields: a record may refer to itself
            for f in node["fields"]:
                schema.fields.append(Field(f["name"], self._parse(f["type"], inner_namespace, where),
                                           f.get("default"), "default" in f))
            return schema
        if isinstance(kind, (dict, list)):  # {"type": {"type": "array", ...}} is allowed too
            return self._parse(kind, namespace, where)
        return _Reference(kind, namespace, where)

    def resolve(self) -> None:
        """Replaces every reference by the named type it names (its full name, else the name as given)."""
        seen: set[int] = set()

        def lookup(ref: _Reference) -> Any:
            for candidate in (_full_name(ref.name, ref.namespace), ref.name):
                if candidate in self.named:
                    return self.named[candidate]
            raise AvroError(f"{ref.where}: unknown type '{ref.name}'"
                            + (f" (looked for {_full_name(ref.name, ref.namespace)})" if ref.namespace else ""))

        def walk(schema: Any) -> Any:
            if isinstance(schema, _Reference):
                return lookup(schema)
            if id(schema) in seen:
                return schema
            seen.add(id(schema))
            if isinstance(schema, Record):
                for f in schema.fields:
                    f.schema = walk(f.schema)
            elif isinstance(schema, Array):
                schema.items = walk(schema.items)
            elif isinstance(schema, Map):
                schema.values = walk(schema.values)
            elif isinstance(schema, Union):
                schema.branches = [walk(b) for b in schema.branches]
            return schema

        for schema in list(self.named.values()):
            walk(schema)

    # ---- look-up -------------------------------------------------------------------------------

    def get(self, full_name: str) -> Any:
        try:
            return self.named[full_name]
        except KeyError:
            raise AvroError(f"no schema named {full_name}") from None

    def by_fingerprint(self, value: int) -> Any | None:
        if self._by_fingerprint is None:
            self._by_fingerprint = {fingerprint(s): s for s in self.named.values()}
        return self._by_fingerprint.get(value)

    def data_schema(self, full_name: str) -> str:
        """The ce_dataschema header value: urn:avro:<full name>:crc64-<16 lower-case hex digits>."""
        return f"urn:avro:{full_name}:crc64-{fingerprint_hex(self.get(full_name))}"

    # ---- single-object encoding ----------------------------------------------------------------

    def frame(self, full_name: str, value: Any) -> bytes:
        """C3 01, the schema's fingerprint (8 bytes, little-endian), then the Avro binary body."""
        schema = self.get(full_name)
        return SINGLE_OBJECT_MARKER + fingerprint(schema).to_bytes(8, "little") + encode(schema, value)

    def unframe(self, payload: bytes) -> tuple[Any, Any]:
        """(schema, value) of a single-object encoded payload; the schema is found by its fingerprint."""
        if len(payload) < HEADER_LENGTH or payload[:2] != SINGLE_OBJECT_MARKER:
            raise AvroError("not Avro single-object encoding: it must start with C3 01 and an 8-byte fingerprint"
                            f" (starts with {payload[:2].hex(' ').upper() or 'nothing'})")
        value = int.from_bytes(payload[2:HEADER_LENGTH], "little")
        schema = self.by_fingerprint(value)
        if schema is None:
            raise AvroError(f"schema fingerprint {value:016x} is none of the loaded schemas")
        return schema, decode(schema, payload[HEADER_LENGTH:])


# --------------------------------------------------------------------------------------------------
# Parsing Canonical Form and CRC-64-AVRO
# --------------------------------------------------------------------------------------------------

def canonical_form(schema: Any) -> str:
    """Parsing Canonical Form: full names, only name/type/fields/symbols/items/values/size in that order,
    no doc, aliases, defaults, logical types or other properties, no whitespace, and each named type written
    out at its first use and referred to by its full name afterwards."""
    out: list[str] = []
    _canonical(schema, set(), out)
    return "".join(out)


def _canonical(schema: Any, seen: set[str], out: list[str]) -> None:
    q = json.dumps  # names and symbols are [A-Za-z_][A-Za-z0-9_]*, so no escaping issue arises
    if isinstance(schema, Primitive):
        out.append(q(schema.type))
    elif isinstance(schema, Union):
        out.append("[")
        for i, branch in enumerate(schema.branches):
            if i:
                out.append(",")
            _canonical(branch, seen, out)
        out.append("]")
    elif isinstance(schema, Array):
        out.append('{"type":"array","items":')
        _canonical(schema.items, seen, out)
        out.append("}")
    elif isinstance(schema, Map):
        out.append('{"type":"map","values":')
        _canonical(schema.values, seen, out)
        out.append("}")
    elif schema.full_name in seen:
        out.append(q(schema.full_name))
    else:
        seen.add(schema.full_name)
        out.append(f'{{"name":{q(schema.full_name)},"type":{q(schema.type)}')
        if isinstance(schema, Record):
            out.append(',"fields":[')
            for i, f in enumerate(schema.fields):
                out.append(("," if i else "") + f'{{"name":{q(f.name)},"type":')
                _canonical(f.schema, seen, out)
                out.append("}")
            out.append("]")
        elif isinstance(schema, Enum):
            out.append(',"symbols":[' + ",".join(q(s) for s in schema.symbols) + "]")
        else:
            out.append(f',"size":{schema.size}')
        out.append("}")


CRC64_EMPTY = 0xC15D213AA4D7A795
_CRC64_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (CRC64_EMPTY & -(_fp & 1))
    _CRC64_TABLE.append(_fp)


def crc64_avro(data: bytes) -> int:
    """The Rabin fingerprint of the Avro specification ("CRC-64-AVRO"), as an unsigned 64-bit number."""
    fp = CRC64_EMPTY
    for byte in data:
        fp = (fp >> 8) ^ _CRC64_TABLE[(fp ^ byte) & 0xFF]
    return fp


def fingerprint(schema: Any) -> int:
    return crc64_avro(canonical_form(schema).encode("utf-8"))


def fingerprint_hex(schema: Any) -> str:
    """16 lower-case hex digits, as in ce_dataschema (and Java's HexFormat.toHexDigits(long))."""
    return f"{fingerprint(schema):016x}"


# --------------------------------------------------------------------------------------------------
# Binary encoding
# --------------------------------------------------------------------------------------------------

def _write_long(out: io.BytesIO, n: int) -> None:
    n = (n << 1) ^ (n >> 63)  # zig-zag: small negative numbers get small codes too
    n &= 0xFFFFFFFFFFFFFFFF
    while n & ~0x7F:
        out.write(bytes(((n & 0x7F) | 0x80,)))
        n >>= 7
    out.write(bytes((n,)))


def _write_bytes(out: io.BytesIO, data: bytes) -> None:
    _write_long(out, len(data))
    out.write(data)


def _parse_date(value: Any, where: str) -> int:
    if isinstance(value, dt.datetime):
        raise AvroError(f"{where}: a date is wanted, not a datetime ({value!r})")
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.date):
        return (value - EPOCH_DATE).days
    return value


def _parse_timestamp(value: Any, where: str, per_second: int) -> int:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)  # naive means UTC
        delta = value - EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return micros // (1_000_000 // per_second)
    return value


def _check_int(value: Any, bits: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AvroError(f"{where}: {value!r} is not an integer")
    if not -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
        raise AvroError(f"{where}: {value} does not fit in {bits} bits")
    return value


def encode(schema: Any, value: Any) -> bytes:
    """The Avro binary encoding of value (no header)."""
    out = io.BytesIO()
    _write(out, schema, value, "$")
    return out.getvalue()


def _write(out: io.BytesIO, schema: Any, value: Any, where: str) -> None:
    if isinstance(schema, Primitive):
        _write_primitive(out, schema, value, where)
    elif isinstance(schema, Record):
        if not isinstance(value, dict):
            raise AvroError(f"{where}: {schema.full_name} wants a dict, got {type(value).__name__}")
        unknown = set(value) - {f.name for f in schema.fields}
        if unknown:
            raise AvroError(f"{where}: {schema.full_name} has no field(s) {sorted(unknown)}")
        for f in schema.fields:
            if f.name in value:
                field_value = value[f.name]
            elif f.has_default:
                field_value = _from_default(f.schema, f.default)
            else:
                raise AvroError(f"{where}.{f.name}: missing, and {schema.full_name}.{f.name} has no default")
            _write(out, f.schema, field_value, f"{where}.{f.name}")
    elif isinstance(schema, Enum):
        if value not in schema.symbols:
            raise AvroError(f"{where}: {value!r} is not a symbol of {schema.full_name} {schema.symbols}")
        _write_long(out, schema.symbols.index(value))
    elif isinstance(schema, Fixed):
        if not isinstance(value, (bytes, bytearray)) or len(value) != schema.size:
            raise AvroError(f"{where}: {schema.full_name} wants exactly {schema.size} bytes")
        out.write(value)
    elif isinstance(schema, Array):
        items = list(value)
        if items:  # one block: its count, the items, then the empty block that ends the array
            _write_long(out, len(items))
            for i, item in enumerate(items):
                _write(out, schema.items, item, f"{where}[{i}]")
        _write_long(out, 0)
    elif isinstance(schema, Map):
        if value:
            _write_long(out, len(value))
            for key, item in value.items():
                _write_bytes(out, str(key).encode("utf-8"))
                _write(out, schema.values, item, f"{where}[{key!r}]")
        _write_long(out, 0)
    elif isinstance(schema, Union):
        index, value = _choose_branch(schema, value, where)
        _write_long(out, index)
        _write(out, schema.branches[index], value, where)
    else:
        raise AvroError(f"{where}: unresolved schema {schema!r}")


def _write_primitive(out: io.BytesIO, schema: Primitive, value: Any, where: str) -> None:
    kind, logical = schema.type, schema.logical_type
    if kind == "null":
        if value is not None:
            raise AvroError(f"{where}: null wanted, got {value!r}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise AvroError(f"{where}: {value!r} is not a boolean")
        out.write(b"\x01" if value else b"\x00")
    elif kind == "int":
        if logical == "date":
            value = _parse_date(value, where)
        _write_long(out, _check_int(value, 32, where))
    elif kind == "long":
        if logical in ("timestamp-millis", "local-timestamp-millis"):
            value = _parse_timestamp(value, where, 1000)
        elif logical in ("timestamp-micros", "local-timestamp-micros"):
            value = _parse_timestamp(value, where, 1_000_000)
        _write_long(out, _check_int(value, 64, where))
    elif kind == "float":
        out.write(struct.pack("<f", float(value)))
    elif kind == "double":
        out.write(struct.pack("<d", float(value)))
    elif kind == "bytes":
        if not isinstance(value, (bytes, bytearray)):
            raise AvroError(f"{where}: {value!r} is not bytes")
        _write_bytes(out, bytes(value))
    elif kind == "string":
        if not isinstance(value, str):
            raise AvroError(f"{where}: {value!r} is not a string")
        _write_bytes(out, value.encode("utf-8"))


def _type_name(schema: Any) -> str:
    return schema.full_name if isinstance(schema, Named) else schema.type


def _choose_branch(schema: Union, value: Any, where: str) -> tuple[int, Any]:
    for i, branch in enumerate(schema.branches):
        if _accepts(branch, value):
            return i, value
    # Avro's JSON encoding style {"org.example.Type": value} names the branch explicitly.
    if isinstance(value, dict) and len(value) == 1:
        (name, inner), = value.items()
        for i, branch in enumerate(schema.branches):
            if name == _type_name(branch):
                return i, inner
    raise AvroError(f"{where}: {value!r} fits no branch of {[_type_name(b) for b in schema.branches]}")


def _accepts(schema: Any, value: Any) -> bool:
    """Whether value can be written with schema (a shallow check, enough to pick a union branch)."""
    if isinstance(schema, Primitive):
        kind, logical = schema.type, schema.logical_type
        if kind == "null":
            return value is None
        if kind == "boolean":
            return isinstance(value, bool)
        if logical == "date":
            return (isinstance(value, dt.date) and not isinstance(value, dt.datetime)) or _is_iso(value, dt.date)
        if logical and logical.endswith(("timestamp-millis", "timestamp-micros")):
            return isinstance(value, dt.datetime) or _is_iso(value, dt.datetime)
        if kind in ("int", "long"):
            return isinstance(value, int) and not isinstance(value, bool)
        if kind in ("float", "double"):
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind == "bytes":
            return isinstance(value, (bytes, bytearray))
        return isinstance(value, str)
    if isinstance(schema, Record):
        return isinstance(value, dict) and all(f.name in value or f.has_default for f in schema.fields) \
            and set(value) <= {f.name for f in schema.fields}
    if isinstance(schema, Enum):
        return isinstance(value, str) and value in schema.symbols
    if isinstance(schema, Fixed):
        return isinstance(value, (bytes, bytearray)) and len(value) == schema.size
    if isinstance(schema, Array):
        return isinstance(value, (list, tuple))
    if isinstance(schema, Map):
        return isinstance(value, dict)
    return False


def _is_iso(value: Any, kind: type) -> bool:
    if not isinstance(value, str):
        return False
    try:
        if kind is dt.date:
            dt.date.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def _from_default(schema: Any, default: Any) -> Any:
    """A field default as written in the .avsc (JSON) turned into the value encode() takes."""
    if isinstance(schema, Union):  # a union's default belongs to its first branch
        return _from_default(schema.branches[0], default)
    if isinstance(schema, Primitive) and schema.type == "bytes" or isinstance(schema, Fixed):
        return default.encode("latin-1")
    if isinstance(schema, Record):
        return {f.name: _from_default(f.schema, default[f.name]) if f.name in default
                else _from_default(f.schema, f.default) for f in schema.fields}
    if isinstance(schema, Array):
        return [_from_default(schema.items, item) for item in default]
    if isinstance(schema, Map):
        return {key: _from_default(schema.values, item) for key, item in default.items()}
    return default


# --------------------------------------------------------------------------------------------------
# Binary decoding
# --------------------------------------------------------------------------------------------------

class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.pos = 0

    def read(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise AvroError(f"truncated: {n} bytes wanted at offset {self.pos} of {len(self.data)}")
        chunk = bytes(self.data[self.pos:self.pos + n])
        self.pos += n
        return chunk

    def long(self) -> int:
        n, shift = 0, 0
        while True:
            if shift > 63:
                raise AvroError(f"varint too long at offset {self.pos}")
            byte = self.read(1)[0]
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        return (n >> 1) ^ -(n & 1)  # undo zig-zag

    def bytes(self) -> bytes:
        return self.read(self.long())


def decode(schema: Any, data: bytes) -> Any:
    """The value of an Avro binary body; every byte must belong to it."""
    reader = _Reader(data)
    value = _read(reader, schema)
    if reader.pos != len(data):
        raise AvroError(f"{len(data) - reader.pos} bytes left after the end of the value")
    return value


def _read(r: _Reader, schema: Any) -> Any:
    if isinstance(schema, Primitive):
        kind, logical = schema.type, schema.logical_type
        if kind == "null":
            return None
        if kind == "boolean":
            return r.read(1) != b"\x00"
        if kind == "int":
            n = r.long()
            return EPOCH_DATE + dt.timedelta(days=n) if logical == "date" else n
        if kind == "long":
            n = r.long()
            if logical == "timestamp-millis":
                return EPOCH + dt.timedelta(milliseconds=n)
            if logical == "timestamp-micros":
                return EPOCH + dt.timedelta(microseconds=n)
            return n
        if kind == "float":
            return struct.unpack("<f", r.read(4))[0]
        if kind == "double":
            return struct.unpack("<d", r.read(8))[0]
        if kind == "bytes":
            return r.bytes()
        return r.bytes().decode("utf-8")
    if isinstance(schema, Record):
        return {f.name: _read(r, f.schema) for f in schema.fields}
    if isinstance(schema, Enum):
        index = r.long()
        if not 0 <= index < len(schema.symbols):
            raise AvroError(f"enum index {index} out of range for {schema.full_name}")
        return schema.symbols[index]
    if isinstance(schema, Fixed):
        return r.read(schema.size)
    if isinstance(schema, (Array, Map)):
        result: Any = [] if isinstance(schema, Array) else {}
        while True:
            count = r.long()
            if count == 0:
                return result
            if count < 0:  # a negative count is followed by the block's size in bytes
                count = -count
                r.long()
            for _ in range(count):
                if isinstance(schema, Array):
                    result.append(_read(r, schema.items))
                else:
                    key = r.bytes().decode("utf-8")
                    result[key] = _read(r, schema.values)
    if isinstance(schema, Union):
        index = r.long()
        if not 0 <= index < len(schema.branches):
            raise AvroError(f"union branch {index} out of range")
        return _read(r, schema.branches[index])
    raise AvroError(f"unresolved schema {schema!r}")


# --------------------------------------------------------------------------------------------------
# JSON output and command line
# --------------------------------------------------------------------------------------------------

def to_json(value: Any) -> Any:
    """Decoded values as JSON-friendly data: dates 'YYYY-MM-DD', timestamps RFC 3339 UTC ('...Z'), bytes base64."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dt.datetime):
        precision = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
        text = value.astimezone(dt.timezone.utc).isoformat(timespec=precision)
        return text.replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


def _main(argv: list[str]) -> int:
    usage = ("usage: avro_single_object.py fingerprints <avsc folder>\n"
             "       avro_single_object.py canonical <avsc folder> <full name>\n"
             "       avro_single_object.py decode <avsc folder> <payload file | ->")
    if len(argv) < 2 or argv[0] not in ("fingerprints", "canonical", "decode"):
        print(usage, file=sys.stderr)
        return 2
    command, folder = argv[0], argv[1]
    try:
        registry = SchemaRegistry.load(folder)
        if command == "fingerprints":
            for name, schema in registry.top_level.items():
                print(name, fingerprint_hex(schema))
        elif command == "canonical" and len(argv) == 3:
            print(canonical_form(registry.get(argv[2])))
        elif command == "decode" and len(argv) == 3:
            payload = sys.stdin.buffer.read() if argv[2] == "-" else Path(argv[2]).read_bytes()
            schema, value = registry.unframe(payload)
            document = {"schema": schema.full_name, "ceType": schema.properties.get("ceType"),
                        "fingerprint": fingerprint_hex(schema), "value": to_json(value)}
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            print(usage, file=sys.stderr)
            return 2
    except (AvroError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
