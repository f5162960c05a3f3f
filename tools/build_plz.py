"""Build data/plz/ from the two public PLZ sources (no network needed).

Run from the repository root:

    python tools/build_plz.py OSM_CSV [GEONAMES_CSV]

OSM_CSV       zuordnung_plz_ort.csv (columns osm_id,ags,ort,plz,landkreis,bundesland; ODbL 1.0,
              © OpenStreetMap contributors), e.g. ``git show HEAD:zuordnung_plz_ort.csv`` of the
              public repository maxjava44/datengerator-backend.
GEONAMES_CSV  zipcodes.de.csv (columns country_code,zipcode,place,…,community,community_code,…;
              GeoNames, CC BY 4.0), from data/DE.zip of zauberware/postal-codes-json-xml-csv.

Writes data/plz/plz-gemeinden.csv (plz,ags,ort; sorted, duplicates dropped) and, with the second
argument, data/plz/geonames-plz-kreise.csv (plz,kreise — the distinct 5-digit Kreis keys of the
GeoNames rows of that PLZ, ";"-joined). Checks leading zeros (every PLZ 5 digits, every AGS 8) and
prints the sha256 of the inputs for the provenance files. The provenance TOML files are kept by hand.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "plz"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_osm(src: Path) -> int:
    """plz-gemeinden.csv from the OSM table; returns the number of rows written."""
    rows: set[tuple[str, str, str]] = set()
    with src.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["osm_id", "ags", "ort", "plz", "landkreis", "bundesland"]:
            raise SystemExit(f"{src}: unexpected header {reader.fieldnames}")
        for n, r in enumerate(reader, start=2):
            plz, ags, ort = r["plz"].strip(), r["ags"].strip(), " ".join(r["ort"].split())
            if not (len(plz) == 5 and plz.isdigit()):
                raise SystemExit(f"{src}: row {n}: PLZ {plz!r} is not 5 digits (leading zero lost?)")
            if not (len(ags) == 8 and ags.isdigit()):
                raise SystemExit(f"{src}: row {n}: AGS {ags!r} is not 8 digits (leading zero lost?)")
            if not ort:
                raise SystemExit(f"{src}: row {n}: empty ort")
            rows.add((plz, ags, ort))
    # one name per AGS (the OSM table repeats the Gemeinde name on each of its PLZ rows)
    names: dict[str, set[str]] = {}
    for _, ags, ort in rows:
        names.setdefault(ags, set()).add(ort)
    clash = {a: n for a, n in names.items() if len(n) > 1}
    if clash:
        raise SystemExit(f"AGS with several names: {sorted(clash.items())[:5]}")
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "plz-gemeinden.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["plz", "ags", "ort"])
        w.writerows(sorted(rows))
    print(f"{src}: sha256 {_sha256(src)}; {len(rows)} rows, "
          f"{len({r[0] for r in rows})} PLZ, {len({r[1] for r in rows})} AGS")
    return len(rows)


def build_geonames(src: Path) -> int:
    """geonames-plz-kreise.csv from the GeoNames table; returns the number of PLZ written."""
    kreise: dict[str, set[str]] = {}
    skipped = 0
    with src.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "community_code" not in reader.fieldnames:
            raise SystemExit(f"{src}: unexpected header {reader.fieldnames}")
        for n, r in enumerate(reader, start=2):
            plz, kreis = r["zipcode"].strip(), r["community_code"].strip()
            if r["country_code"] != "DE" or not (len(plz) == 5 and plz.isdigit()):
                raise SystemExit(f"{src}: row {n}: bad PLZ {plz!r}")
            if not kreis:  # e.g. 87491 Jungholz (Tirol, Austria), served by a German PLZ
                skipped += 1
                continue
            if not (len(kreis) == 5 and kreis.isdigit()):
                raise SystemExit(f"{src}: row {n}: Kreis key {kreis!r} is not 5 digits")
            kreise.setdefault(plz, set()).add(kreis)
    with (OUT / "geonames-plz-kreise.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["plz", "kreise"])
        for plz in sorted(kreise):
            w.writerow([plz, ";".join(sorted(kreise[plz]))])
    print(f"{src}: sha256 {_sha256(src)}; {len(kreise)} PLZ, {skipped} rows without Kreis skipped")
    return len(kreise)


def main(argv: list[str]) -> None:
    if not 1 <= len(argv) <= 2:
        raise SystemExit(__doc__)
    build_osm(Path(argv[0]))
    if len(argv) == 2:
        build_geonames(Path(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
