"""JSON Schema of the input (``Haushalt``), for systems that validate before they call.

Generated from the pydantic model, with two adjustments so that standard validators read it:
amounts (``Decimal``) are a JSON number or a decimal string, with ``minimum``/``maximum`` in
place of pydantic's private ``ge``/``le`` keys; the shortcuts ``miete_monat`` and
``belastung_monat`` stand beside ``wohnkosten``. The schema checks shape and types; rules between
fields (exactly one of ``mietenstufe`` and ``gemeinde``, …) are checked by the library, which
names the rule in its error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..input.haushalt import Haushalt

__all__ = ["SCHEMA_ID", "haushalt_schema"]

SCHEMA_ID = "https://wohngeld.invalid/schema/haushalt.json"
_DEZIMAL = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$"
_GRENZEN = {"ge": "minimum", "gt": "exclusiveMinimum", "le": "maximum", "lt": "exclusiveMaximum"}
_BETRAG_TEXT = (
    'Betrag: JSON-Zahl oder Zeichenkette mit Dezimalpunkt ("780.50"); wird exakt als Decimal gelesen'
)


def _zahl(v: object) -> int | float:
    d = Decimal(str(v))
    return int(d) if d == d.to_integral_value() else float(d)


def _dezimal(node: dict[str, Any]) -> dict[str, Any]:
    grenzen = {_GRENZEN[k]: _zahl(v) for k, v in node.items() if k in _GRENZEN}
    rest = {k: v for k, v in node.items() if k not in _GRENZEN and k != "anyOf"}
    return {
        **rest,
        "anyOf": [{"type": "number", **grenzen}, {"type": "string", "pattern": _DEZIMAL}],
        "description": rest.get("description", _BETRAG_TEXT),
    }


def _ist_dezimal(any_of: object) -> bool:
    """Pydantic's schema of a Decimal: a number or a string (some versions add their own pattern)."""
    return (
        isinstance(any_of, list)
        and len(any_of) == 2
        and isinstance(any_of[0], dict)
        and isinstance(any_of[1], dict)
        and any_of[0] == {"type": "number"}
        and any_of[1].get("type") == "string"
        and set(any_of[1]) <= {"type", "pattern"}
    )


def _anpassen(node: Any) -> Any:
    if isinstance(node, list):
        return [_anpassen(v) for v in node]
    if not isinstance(node, dict):
        return node
    if _ist_dezimal(node.get("anyOf")):
        return _dezimal(node)
    return {k: _anpassen(v) for k, v in node.items()}


def haushalt_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a ``Haushalt`` as the library accepts it."""
    schema: dict[str, Any] = _anpassen(Haushalt.model_json_schema())
    props = schema["properties"]
    betrag = props["gesamteinkommen_monat"]["anyOf"][0]
    props["miete_monat"] = {
        **betrag,
        "title": "Miete Monat",
        "description": "Kurzform für wohnkosten = {art: Miete, miete_monat}: Bruttokaltmiete (§ 9 WoGG)",
    }
    props["belastung_monat"] = {
        **betrag,
        "title": "Belastung Monat",
        "description": "Kurzform für wohnkosten = {art: Belastung, belastung_monat} (§ 10 WoGG)",
    }
    required = [r for r in schema.get("required", []) if r != "wohnkosten"]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    schema["oneOf"] = [{"required": [k]} for k in ("wohnkosten", "miete_monat", "belastung_monat")]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
