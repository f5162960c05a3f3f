"""The built wheel carries the data and computes a case in a fresh environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json
from datetime import date
from importlib import resources
import wohngeld
from wohngeld import Haushalt, calculate, mietenstufe
h = Haushalt(gemeinde="Dresden", miete_monat="420.00", anzahl_mitglieder=1, gesamteinkommen_monat="1162.35")
r = calculate(h, on=date(2023, 7, 1))
data = resources.files("wohngeld") / "data" / "parameters" / "koeffizienten" / "2023-01-01.toml"
print(json.dumps({"betrag": str(r.betrag_monat), "M": str(r.M_berechnet), "file": wohngeld.__file__,
                  "data": data.is_file(), "stufe": mietenstufe("14612000", on=date(2023, 7, 1)).mietenstufe}))
"""


@pytest.mark.slow
def test_wheel_installs_and_computes(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("wohngeld-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    out = subprocess.run(
        [str(py), "-c", SCRIPT], check=True, capture_output=True, text=True, cwd=tmp_path, env=clean_env
    )
    result = json.loads(out.stdout)
    # Dresden Beispiel 1 (2023): M 530.40, 131 €; Dresden has Mietenstufe III.
    assert result["betrag"] == "131"
    assert result["M"] == "530.40"
    assert result["stufe"] == 3
    assert result["data"] is True
    assert str(env_dir) in result["file"], "imported from the installed wheel, not the source tree"
