"""``wohngeld schema``: a JSON Schema that the project's own case files satisfy."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from wohngeld.cli import main
from wohngeld.formats.faelle import lade_fall

from ..conftest import case_files


def _schema() -> dict[str, Any]:
    out = CliRunner().invoke(main, ["schema", "--json"])
    assert out.exit_code == 0, out.output
    data: dict[str, Any] = json.loads(out.output)
    return data


def test_schema_is_standard_json_schema() -> None:
    s = _schema()
    assert s["$schema"].endswith("2020-12/schema") and s["title"] == "Haushalt"
    text = json.dumps(s)
    assert '"ge"' not in text and '"le"' not in text  # pydantic's private keys replaced
    assert {"miete_monat", "belastung_monat", "wohnkosten", "mietenstufe"} <= set(s["properties"])


def test_case_files_validate_and_junk_does_not() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    s = _schema()
    jsonschema.Draft202012Validator.check_schema(s)
    v = jsonschema.Draft202012Validator(s)
    for path in case_files():
        haushalt = json.loads(json.dumps(lade_fall(path).haushalt.model_dump(mode="json", exclude_none=True)))
        v.validate(haushalt)
    v.validate(
        {"mietenstufe": 3, "miete_monat": "420.00", "anzahl_mitglieder": 1, "gesamteinkommen_monat": 1162.35}
    )
    for bad in (
        {"mietenstufe": 3, "anzahl_mitglieder": 1},  # no housing cost
        {"mietenstufe": 3, "miete_monat": "vierhundert", "anzahl_mitglieder": 1},
        {"mietenstufe": 3, "miete_monat": "-5", "anzahl_mitglieder": 1, "foo": 1},
    ):
        assert not v.is_valid(bad), bad
