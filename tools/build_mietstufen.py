# ruff: noqa: E501
"""Build and verify data/mietstufen/<valid_from>.{toml,csv} from the sources in shared/data-sources.

Run from the repository root:  python tools/build_mietstufen.py ../shared/data-sources
Not part of the library; kept so that every row can be rebuilt and re-checked. See docs/mietenstufen.md.
"""

from __future__ import annotations

import collections
import csv
import json
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from wohngeld.law.mietenstufen.liste import _aliases, _loose_key, name_key  # noqa: E402

OUT = ROOT / "data" / "mietstufen"
ROM = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
HERKUNFT = {"g": "gemeinde", "k": "kreis", "i": "insel", "n": "nachtrag"}


class _Annex(HTMLParser):
    """Rows (land, table header, name, stage) of the gesetze-im-internet.de annex page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str, int]] = []
        self.land = ""
        self.ts3: str | None = None
        self.header: str | None = None
        self.th: str | None = None
        self.cell: str | None = None
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and dict(attrs).get("class") == "TS3":
            self.ts3 = ""
        elif tag == "table":
            self.header = None
        elif tag == "th":
            self.th = ""
        elif tag == "td":
            self.cell = ""
        elif tag == "tr":
            self.cells = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.ts3 is not None:
            txt = " ".join(self.ts3.replace("\xa0", " ").split())
            if txt.startswith("Land:"):
                self.land = txt[5:].strip()
            self.ts3 = None
        elif tag == "th" and self.th is not None:
            if self.header is None:
                self.header = self.th.strip()
            self.th = None
        elif tag == "td" and self.cell is not None:
            self.cells.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.cells:
            name, st = " ".join(self.cells[0].split()), self.cells[1].strip()
            if st in ROM:
                self.rows.append((self.land, self.header or "", name, ROM[st]))
            elif self.header is None:
                self.header = name

    def handle_data(self, d: str) -> None:
        for attr in ("ts3", "th", "cell"):
            if getattr(self, attr) is not None:
                setattr(self, attr, getattr(self, attr) + d)


# Annex names that no mechanical rule maps to the Destatis name (checked by hand: Land, Kreis, value).
ANNEX_2023_ALIAS = {
    ("Hessen", "Arolsen, Stadt"): "06635002",  # Bad Arolsen
    ("Hessen", "Rüsselsheim, Stadt"): "06433012",  # Rüsselsheim am Main
    ("Hessen", "Limburg an der Lahn, Stadt"): "06533009",
    ("Hessen", "Heppenheim (Bergstr.), Stadt"): "06431011",
    ("Hessen", "Münster"): "06432015",  # Münster (Hessen), Kreis Darmstadt-Dieburg
    ("Hessen", "Neustadt"): "06534016",  # Neustadt (Hessen), Kreis Marburg-Biedenkopf
    ("Baden-Württemberg", "Müllheim, Stadt"): "08315074",  # Müllheim im Markgräflerland
    ("Baden-Württemberg", "Phillipsburg, Stadt"): "08215066",  # sic in the annex: Philippsburg
    ("Bayern", "Alzenau i. Ufr., Stadt"): "09671111",
    ("Bayern", "Landsberg a. Lech, Stadt"): "09181130",
    ("Brandenburg", "Ahrensfelde-Blumberg"): "12060005",  # Ahrensfelde
    ("Rheinland-Pfalz", "Neustadt (a. d. Weinstr.), Stadt"): "07316000",
    ("Thüringen", "Bad Frankenhausen/Kyff"): "16065003",
    ("Baden-Württemberg", "Weingarten, Baden"): "08215090",  # comma inside the name
    ("Sachsen", "Reichenbach/Vogtl., Stadt"): "14523340",  # Reichenbach im Vogtland
}
ANNEX_2023_KREIS_ALIAS = {
    ("Niedersachsen", "Soltau-Fallingbostel (Heidekreis)"): "03358",
    ("Rheinland-Pfalz", "Bitburg-Prüm"): "07232",  # Eifelkreis Bitburg-Prüm
    ("Bayern", "Neustadt/Aisch-Bad Windsheim"): "09575",
    ("Bayern", "Wunsiedel im Fichtelgebirge"): "09479",
    ("Bayern", "Landsberg a. Lech"): "09181",
    ("Bayern", "Neumarkt i. d. Oberpfalz"): "09373",
    ("Saarland", "Saar-Pfalz-Kreis"): "10045",
    ("Saarland", "Sankt Wendel"): "10046",
}


def load_2023(src: Path) -> tuple[list[dict[str, str]], dict[str, str], dict[str, str]]:
    data = list(csv.DictReader((src / "mietstufen" / "mietstufen-2023.csv").open(encoding="utf-8")))
    js = json.loads((src / "mietstufen" / "mietstufen-2023.json").read_text(encoding="utf-8"))
    return data, js["kreise"], js["laender"]


def pair_gemeinden(
    annex: list[tuple[str, str, int]],
    pool: list[dict[str, str]],
    alias: dict[tuple[str, str], str],
    land: str,
) -> tuple[dict[str, str], list[tuple[str, int]]]:
    """Annex names -> AGS by exact key, then loose key, then the alias table; unique or not at all."""
    out: dict[str, str] = {}
    rest: list[tuple[str, int]] = []
    exact: dict[str, set[str]] = collections.defaultdict(set)
    loose: dict[str, set[str]] = collections.defaultdict(set)
    for r in pool:
        for k in _aliases(r["gemeinde"]):
            exact[k].add(r["ags"])
        loose[_loose_key(r["gemeinde"])].add(r["ags"])
    used: set[str] = set()
    todo = []
    for name, _t, st in annex:
        if (land, name) in alias:
            out[name] = alias[(land, name)]
            used.add(out[name])
        else:
            todo.append((name, st))
    dup = collections.Counter(name_key(n) for n, _t, _s in annex)
    dup.update(_loose_key(n) for n, _t, _s in annex)
    for rnd in ("exact", "loose"):
        nxt = []
        for name, st in todo:
            if dup[name_key(name) if rnd == "exact" else _loose_key(name)] > 1 and rnd == "loose":
                nxt.append((name, st))
                continue
            cands = (
                exact.get(name_key(name), set()) if rnd == "exact" else loose.get(_loose_key(name), set())
            ) - used
            if len(cands) == 1:
                out[name] = cands.pop()
                used.add(out[name])
            else:
                nxt.append((name, st))
        todo = nxt
    rest = todo
    return out, rest


def verify_and_write_2023(
    src: Path,
) -> tuple[list[dict[str, str]], dict[str, dict[str, object]], dict[str, str], dict[tuple[str, str], str]]:
    data, kreise, laender = load_2023(src)
    p = _Annex()
    p.feed((src / "mietstufen" / "wogv-anlage.html").read_text(encoding="latin-1"))
    rows = p.rows
    assert len(rows) == 1881, len(rows)
    by_land = collections.defaultdict(list)
    for r in data:
        by_land[r["land"]].append(r)
    by_ags = {r["ags"]: r for r in data}
    anlage_name: dict[str, str] = {}
    kreis_info: dict[str, dict[str, object]] = {}
    annex_name_to_ags: dict[tuple[str, str], str] = {}
    report = []
    for land, drows in sorted(by_land.items()):
        ag = [(n, t, s) for (la, t, n, s) in rows if la == land and t == "Gemeinde"]
        ak = [(n, s) for (la, t, n, s) in rows if la == land and t == "Kreis"]
        g = [r for r in drows if r["herkunft"] == "g"]
        pairs, rest = pair_gemeinden(ag, g, ANNEX_2023_ALIAS, land)
        assert not rest, (land, rest)
        assert len(set(pairs.values())) == len(ag) == len(g), (land, len(ag), len(g))
        for name, _t, st in ag:
            r = by_ags[pairs[name]]
            assert r["herkunft"] == "g" and int(r["mietenstufe"]) == st, (land, name, r)
            anlage_name[r["ags"]] = name
            annex_name_to_ags[(land, name)] = r["ags"]
        # Kreis rows: each names one Kreis of the Land; every 'k' Gemeinde of it carries the value.
        kkeys = {r["kreis_schluessel"] for r in drows if r["herkunft"] in ("k", "i", "n")}
        kseen = set()
        for name, st in ak:
            key = ANNEX_2023_KREIS_ALIAS.get((land, name))
            if key is None:
                c = [k for k in kkeys if name_key(kreise[k]) == name_key(name)]
                assert len(c) == 1, (land, name, c)
                key = c[0]
            assert key not in kseen
            kseen.add(key)
            members = [r for r in drows if r["kreis_schluessel"] == key and r["herkunft"] == "k"]
            assert members and all(int(r["mietenstufe"]) == st for r in members), (land, name)
            kreis_info[key] = {"anlage_name": name, "mietenstufe": st}
        k_kreise = {r["kreis_schluessel"] for r in drows if r["herkunft"] == "k"}
        assert k_kreise <= kseen, (land, k_kreise - kseen)
        report.append(f"{land}: {len(ag)} Gemeinde rows, {len(ak)} Kreis rows: all equal")
    islands = [r for r in data if r["herkunft"] == "i"]
    assert len(islands) == 28 and all(r["mietenstufe"] == "5" for r in islands)
    assert [r for r in rows if r[1] not in ("Gemeinde", "Kreis")] == [
        ("Thüringen", "Gemeinsame Mietenstufe:", "Inseln ohne Festlandanschluss", 5)
    ]
    print("\n".join(report))
    header = {
        "valid_from": date(2023, 1, 1),
        "source": "Anlage zu § 1 Abs. 3 WoGV (BGBl. I 2022 S. 2166), berichtigt durch V. v. 17.04.2023 (BGBl. 2023 I Nr. 102)",
        "gebietsstand_anlage": "31.03.2021",
        "gebietsstand_gemeinden": "31.12.2025",
        "note": (
            "Konsolidierter Text von gesetze-im-internet.de (Abruf 2026-10-08). Gemeinde-/Kreisnamen und AGS: "
            "Destatis GV-ISys 31.12.2025, Zuordnung über 31.12.2020; 'nachtrag' = AGS nach dem Gebietsstand "
            "gebildet, Wert vom Ersteller der Vorlage (nyko073006/wohngeld-rechner) zugeordnet."
        ),
        "verified_against": "wogv-anlage.html (1 601 Gemeinde-, 279 Kreis-, 1 Inselzeile), per Land, durch build.py",
    }
    write(
        OUT,
        header,
        data,
        kreise,
        laender,
        kreis_info,
        {r["ags"]: HERKUNFT[r["herkunft"]] for r in data},
        {r["ags"]: int(r["mietenstufe"]) for r in data},
        anlage_name,
        {},
    )
    return data, kreis_info, kreise, annex_name_to_ags


ATTRIBUTION = (
    "© Statistisches Bundesamt (Destatis) im Auftrag der Herausgebergemeinschaft "
    "Statistische Ämter des Bundes und der Länder, GV-ISys, Gebietsstand 31.12.2025 und 31.12.2020. "
    "Vervielfältigung und Verbreitung mit Quellenangabe gestattet."
)


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write(
    out: Path,
    header: dict[str, object],
    data: list[dict[str, str]],
    kreise: dict[str, str],
    laender: dict[str, str],
    kreis_info: dict[str, dict[str, object]],
    herkunft: dict[str, str],
    stufe: dict[str, int],
    anlage_name: dict[str, str],
    fehlend: dict[str, str],
) -> None:
    vf = header["valid_from"]
    assert isinstance(vf, date)
    stem = vf.isoformat()
    rows = [r for r in data if r["ags"] in herkunft]
    counts = collections.Counter(herkunft[r["ags"]] for r in rows)
    lines = [
        f"# data/mietstufen/{stem}.toml — Mietenstufen der Gemeinden (Anlage zu § 1 Abs. 3 WoGV).",
        f"# Rows: {stem}.csv (ags, name, mietenstufe 1..7, herkunft, anlage_name). Generated by tools/build_mietstufen.py.",
        "# Kreis key = AGS[0:5], Land key = AGS[0:2]. Built and verified by tools/build_mietstufen.py.",
        f"valid_from = {stem}",
        f"rule = {_toml_str('Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG')}",
        f"source = {_toml_str(str(header['source']))}",
    ]
    for k in ("gebietsstand_anlage", "gebietsstand_gemeinden", "note", "verified_against"):
        if k in header:
            lines.append(f"{k} = {_toml_str(str(header[k]))}")
    lines += [
        f"rows = {_toml_str(stem + '.csv')}",
        f"anzahl = {len(rows)}",
        "# Gemeindeverzeichnis (names, AGS, Kreise), verbatim as required by Destatis:",
        f"attribution = {_toml_str(ATTRIBUTION)}",
        "",
        "[anzahl_je_herkunft]",
        *(f"{k} = {v}" for k, v in sorted(counts.items())),
        "",
        "[laender]",
        *(f'"{k}" = {_toml_str(v)}' for k, v in sorted(laender.items())),
        "",
        "[kreise]  # 5-digit Kreis key; anlage_name/mietenstufe = the Kreis row of the annex, where it has one",
    ]
    used_kreise = sorted({r["ags"][:5] for r in rows} | {a[:5] for a in fehlend})
    for k in used_kreise:
        info = kreis_info.get(k, {})
        parts = [f"name = {_toml_str(kreise[k])}"]
        if "anlage_name" in info:
            parts.append(f"anlage_name = {_toml_str(str(info['anlage_name']))}")
            parts.append(f"mietenstufe = {info['mietenstufe']}")
        lines.append(f'"{k}" = {{ {", ".join(parts)} }}')
    if fehlend:
        lines += ["", "[fehlend]  # Gemeinden of today left out of this Fassung, with the reason"]
        lines += [f'"{a}" = {_toml_str(why)}' for a, why in sorted(fehlend.items())]
    (out / f"{stem}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (out / f"{stem}.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["ags", "name", "mietenstufe", "herkunft", "anlage_name"])
        for r in sorted(rows, key=lambda r: r["ags"]):
            w.writerow(
                [r["ags"], r["gemeinde"], stufe[r["ags"]], herkunft[r["ags"]], anlage_name.get(r["ags"], "")]
            )
    print(f"{stem}: {len(rows)} Gemeinden {dict(counts)}, {len(fehlend)} left out")


OLD = {
    2020: ("mietstufen-2020/mietstufen-2020-anlage.csv", "31.03.2018"),
    2016: ("mietstufen-2016/mietstufen-2016-anlage.csv", "01.01.2014"),
}
# Names of older annexes that match no Gemeinde of today mechanically (checked by hand).
OLD_ALIAS: dict[tuple[int, str, str], str] = {
    (2016, "Niedersachsen", "Hannoversch Münden, Stadt"): "03159017",  # today "Hann. Münden"
    (2016, "Sachsen", "Oelsnitz/Erzgebirge, Stadt"): "14521450",
    (2016, "Sachsen", "Reichenbach/Vogtland, Stadt"): "14523340",
    (2016, "Sachsen", "Schwarzenberg/Erzgebirge, Stadt"): "14521550",
    (2016, "Sachsen", "Stollberg/Erzgebirge, Stadt"): "14521590",
    (2016, "Sachsen", "Weißwasser/Oberlausitz, Stadt"): "14626600",
}
OLD_KREIS_ALIAS: dict[tuple[int, str, str], str] = {
    (2020, "Bayern", "Neustadt/Aisch-Bad Windsheim"): "09575",
    (2016, "Bayern", "Neustadt/Aisch-Bad Windsheim"): "09575",
    (2016, "Mecklenburg-Vorpommern", "Rostock"): "13072",
    # Kreis Osterode am Harz was merged into Kreis Göttingen (03159) on 1.11.2016; both rows say I.
    (2016, "Niedersachsen", "Osterode am Harz"): "03159",
}
# Own rows of an older annex whose Gemeinde merged with others since: today's Gemeinde spans
# territory with different stages at the time, so it is left out.
MERGED = {
    ("Sachsen", "Aue, Stadt"): (
        "14521035",
        "Aue-Bad Schlema: 2019 aus Aue (eigene Zeile) und Bad Schlema (Kreiswert) gebildet",
    ),
}
# § 12 Abs. 4a WoGG: Oldsum was added to the island list by a later law; from when is not verified.
ISLAND_UNSURE = {
    "01054098": "Oldsum: seit wann in § 12 Abs. 4a WoGG aufgeführt, nicht geprüft (Ergänzung durch spätere Änderung)"
}


def build_old(
    src: Path,
    year: int,
    data: list[dict[str, str]],
    kreise: dict[str, str],
    laender: dict[str, str],
    annex23: dict[tuple[str, str], str],
) -> tuple[dict[str, int], dict[str, str], dict[str, str], dict[str, dict[str, object]], list[str]]:
    """Map an older annex (names only) onto today's AGS; return stage, origin, annex name, left out."""
    path, _gs = OLD[year]
    rows = list(csv.DictReader((src / path).open(encoding="utf-8")))
    by_land = collections.defaultdict(list)
    for r in data:
        by_land[r["land"]].append(r)
    stufe: dict[str, int] = {}
    herk: dict[str, str] = {}
    aname: dict[str, str] = {}
    kinfo: dict[str, dict[str, object]] = {}
    problems: list[str] = []
    kreis_stufe: dict[str, int] = {}
    for land, drows in by_land.items():
        og = [
            (r["name"], "g", int(r["mietenstufe"]))
            for r in rows
            if r["land"] == land and r["tabelle"] == "gemeinde"
        ]
        ok = [
            (r["name"], int(r["mietenstufe"])) for r in rows if r["land"] == land and r["tabelle"] == "kreis"
        ]
        # 1. same spelling as a row of the 2023 annex; 2. key match against today's Gemeinden of the Land.
        pre = {n: annex23[(land, n)] for n, _t, _s in og if (land, n) in annex23}
        alias = {(land, n): a for n, a in pre.items()}
        alias.update({(land, n): a for (y, la, n), a in OLD_ALIAS.items() if y == year and la == land})
        pairs, rest = pair_gemeinden(og, drows, alias, land)
        for name, _st in rest:
            if (land, name) in MERGED:
                continue
            problems.append(f"{land}: Gemeinde row {name!r} matches no Gemeinde of today")
        for name, _t, st in og:
            if name in pairs:
                a = pairs[name]
                stufe[a], herk[a], aname[a] = st, "gemeinde", name
        kkeys = {r["kreis_schluessel"] for r in drows}
        for name, st in ok:
            key = OLD_KREIS_ALIAS.get((year, land, name))
            if key is None:
                c = [
                    k
                    for k in kkeys
                    if name_key(kreise[k]) == name_key(name)
                    and len([r for r in drows if r["kreis_schluessel"] == k]) > 1
                ]
                if len(c) != 1:
                    problems.append(f"{land}: Kreis row {name!r} -> {c}")
                    continue
                key = c[0]
            if key in kreis_stufe:
                assert kreis_stufe[key] == st, (year, land, name)
                kinfo[key]["anlage_name"] = f"{kinfo[key]['anlage_name']} / {name}"
                continue
            kreis_stufe[key] = st
            kinfo[key] = {"anlage_name": name, "mietenstufe": st}
    return stufe, herk, aname, kinfo, problems, kreis_stufe


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data-sources")
    data, kinfo23, kreise, annex23 = verify_and_write_2023(src)
    _d, _k, laender = load_2023(src)
    for year in (2020, 2016):
        stufe, herk, aname, kinfo, problems, kreis_stufe = build_old(
            src, year, data, kreise, laender, annex23
        )
        print(year, len(stufe), "own rows mapped;", len(kreis_stufe), "Kreis rows mapped")
        assert not problems, problems
        assert len(set(stufe)) == len(stufe)
        variants = [(date(year, 1, 1), False)] + ([(date(2020, 8, 1), True)] if year == 2020 else [])
        for vf, with_islands in variants:
            st2, hk2, fehlend = {}, {}, {}
            for r in data:
                a = r["ags"]
                if a in stufe:
                    st2[a], hk2[a] = stufe[a], "gemeinde"
                elif r["herkunft"] == "n":
                    fehlend[a] = (
                        "AGS nach dem Gebietsstand der Anlage gebildet; Vorgänger und ihre Stufen "
                        "sind in den Quellen nicht belegt"
                    )
                elif with_islands and r["herkunft"] == "i":
                    if a in ISLAND_UNSURE:
                        fehlend[a] = ISLAND_UNSURE[a]
                    else:
                        st2[a], hk2[a] = 5, "insel"
                elif a[:5] in kreis_stufe:
                    st2[a], hk2[a] = kreis_stufe[a[:5]], "kreis"
                else:
                    fehlend[a] = "weder eigene Zeile noch Kreiszeile in dieser Fassung zuzuordnen"
            for (_la, _n), (a, why) in MERGED.items():
                st2.pop(a, None)
                hk2.pop(a, None)
                fehlend[a] = why
            if year == 2020:
                src_txt = "Anlage zu § 1 Abs. 3 WoGV (BGBl. I 2019 S. 1883)"
                if with_islands:
                    src_txt += ", Inselzeile angefügt durch Art. 1 der 12. WoGVÄndV (in Kraft 1. August 2020)"
                note = (
                    "Konsolidierter Text (bundestag/gesetze, Stand etwa Januar 2022); Namen auf AGS von heute "
                    "abgebildet. Vor dem 1.8.2020 galt die Inselzeile nicht; die Kreisstufen änderte die "
                    "12. WoGVÄndV nicht (Begründung, BR-Drs. 244/20)."
                )
            else:
                src_txt = "Anlage zu § 1 Abs. 3 WoGV (BGBl. I 2015 S. 1619), Art. 2 WoGRefG"
                note = (
                    "Text nach gesetze-im-internet.de, Stand März 2018 (alangecker/bundesgesetze); Namen auf "
                    "AGS von heute abgebildet."
                )
            header = {
                "valid_from": vf,
                "source": src_txt,
                "gebietsstand_anlage": OLD[year][1],
                "gebietsstand_gemeinden": "31.12.2025",
                "note": note,
                "verified_against": f"{OLD[year][0]}: jede Gemeinde- und Kreiszeile zugeordnet (tools/build_mietstufen.py)",
            }
            write(OUT, header, data, kreise, laender, kinfo, hk2, st2, aname, fehlend)
