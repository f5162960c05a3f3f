"""Mietenstufe from the Postleitzahl: the Gemeinden of a PLZ and their stages on a date.

Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG. A PLZ may cover several Gemeinden; the answer
is *eindeutig* (one Mietenstufe, also when several Gemeinden share it) or a choice of candidates
(AGS, name, Kreis, Mietenstufe) — never a guess. Data: ``data/plz/`` (PLZ → AGS from OpenStreetMap,
ODbL 1.0; Kreise per PLZ from GeoNames, CC BY 4.0, as a cross-check), read lazily on first use.

An AGS of the PLZ table that the Mietenstufen list does not know is resolved by one named rule
(:data:`REGEL`): a documented Gebietsänderung (``data/plz/gebietsaenderungen.toml``) or the Kreis row
of the Anlage for a Gemeinde not listed separately. A Gemeinde the list leaves out on purpose
(``fehlend`` of the list) never takes the Kreis row.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib.resources.abc import Traversable
from pathlib import Path

from ...darstellung import roemisch
from ...errors import DataFileError, InputError, NoMietenstufenList, UnknownMunicipality
from .liste import HERKUNFT, Gemeinde, MietenstufenListe, liste, name_key

__all__ = [
    "PLZ_BEREICH",
    "REGEL",
    "PlzAuskunft",
    "PlzKandidat",
    "UnbekanntePostleitzahl",
    "UngueltigePostleitzahl",
    "mietenstufe_nach_plz",
    "pruefe_plz",
]

PLZ_BEREICH = ("01001", "99998")
"""Lowest and highest Postleitzahl in use in Germany."""

QUELLE_OSM = (
    "PLZ-Zuordnung: © OpenStreetMap contributors, Open Database License (ODbL) 1.0 (Stand Januar 2023)"
)
QUELLE_GEONAMES = "Gegenprobe Kreise je PLZ: GeoNames (www.geonames.org), CC BY 4.0"

#: Which rule gave a candidate its Mietenstufe (``PlzKandidat.regel``).
REGEL: Mapping[str, str] = {
    "anlage": "Gemeinde (AGS) im Verzeichnis der Anlage zu § 1 Abs. 3 WoGV",
    "gebietsaenderung": (
        "Gebietsänderung: die Gemeinde bestand am Gebietsstand der Anlage noch (oder schon) in anderer "
        "Gestalt; Mietenstufe nach dem Gebietsstand der Anlage zu § 1 Abs. 3 WoGV"
    ),
    "kreiszeile": (
        "AGS nicht im Verzeichnis der Anlage; die Gemeinde ist in der Anlage nicht gesondert aufgeführt, "
        "daher gilt die Mietenstufe ihres Kreises (Anlage zu § 1 Abs. 3 WoGV, Vorbemerkung; "
        "§ 12 Abs. 3 WoGG)"
    ),
}

_PLZ = re.compile(r"\d{5}")
_UMLAUT_LOOSE = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


class UngueltigePostleitzahl(InputError):
    """A Postleitzahl that is not five digits in Germany's range 01001–99998."""


class UnbekanntePostleitzahl(UnknownMunicipality):
    """A well-formed Postleitzahl that the PLZ table does not contain."""


def pruefe_plz(plz: object) -> str:
    """The Postleitzahl as five digits, or :class:`UngueltigePostleitzahl` with a German message."""
    if isinstance(plz, bool) or not isinstance(plz, str):
        hint = ""
        if isinstance(plz, int) and not isinstance(plz, bool) and 0 <= plz <= 99999:
            hint = f" (als Zahl verliert sie die führende Null; meinten Sie '{plz:05d}'?)"
        raise UngueltigePostleitzahl(
            f"Postleitzahl: {type(plz).__name__} {plz!r} angegeben; bitte als Text mit fünf Ziffern "
            f"angeben{hint}"
        )
    text = plz.strip()
    if _PLZ.fullmatch(text):
        if not PLZ_BEREICH[0] <= text <= PLZ_BEREICH[1]:
            raise UngueltigePostleitzahl(
                f"Postleitzahl {text!r} liegt außerhalb der deutschen Postleitzahlen "
                f"({PLZ_BEREICH[0]} bis {PLZ_BEREICH[1]})"
            )
        return text
    if text.isdigit() and len(text) == 4:
        raise UngueltigePostleitzahl(
            f"Postleitzahl {text!r} hat nur vier Ziffern; meinten Sie '0{text}'? "
            "(Postleitzahlen haben fünf Ziffern, die erste kann 0 sein)"
        )
    if text.isdigit():
        raise UngueltigePostleitzahl(
            f"Postleitzahl {text!r} hat {len(text)} Ziffern; eine Postleitzahl hat genau fünf Ziffern "
            f"({PLZ_BEREICH[0]} bis {PLZ_BEREICH[1]})"
        )
    raise UngueltigePostleitzahl(
        f"Postleitzahl {text!r} enthält andere Zeichen als Ziffern; eine Postleitzahl hat genau fünf "
        f"Ziffern ({PLZ_BEREICH[0]} bis {PLZ_BEREICH[1]})"
    )


def _ort_key(text: str) -> str:
    """Tolerant key of a place name: name_key (", Stadt" dropped, St./Sankt, ß/ss) with ä/ae → a."""
    lowered = text.lower().translate(_UMLAUT_LOOSE)
    return name_key(lowered).replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _ort_keys(text: str) -> set[str]:
    base = text.split(",")[0]
    parts = {base, *base.split(" / "), re.sub(r"\([^)]*\)", " ", base)}
    return {k for k in (_ort_key(p) for p in parts) if k}


@dataclass(frozen=True, slots=True)
class PlzKandidat:
    """One Gemeinde of a PLZ with its Mietenstufe in one Fassung of the Anlage zu § 1 Abs. 3 WoGV.

    ``gemeinde`` carries AGS, official name, Kreis, Land and stage; ``ort`` is the name in the PLZ
    table; ``regel`` is a key of :data:`REGEL`, ``erlaeuterung`` says in German how the stage was found.
    """

    gemeinde: Gemeinde
    ort: str
    regel: str
    erlaeuterung: str

    @property
    def mietenstufe(self) -> int:
        """The Mietenstufe (1–7)."""
        return self.gemeinde.mietenstufe

    def to_json(self) -> dict[str, object]:
        """JSON-ready mapping."""
        g = self.gemeinde
        return {
            "ags": g.ags,
            "name": g.name,
            "ort": self.ort,
            "kreis": g.kreis,
            "kreis_schluessel": g.kreis_schluessel,
            "land": g.land,
            "mietenstufe": g.mietenstufe,
            "mietenstufe_roemisch": roemisch(g.mietenstufe),
            "regel": self.regel,
            "erlaeuterung": self.erlaeuterung,
        }

    def beschreibung(self) -> str:
        """One German line: name, AGS, Kreis, stage."""
        g = self.gemeinde
        return f"{g.name} (AGS {g.ags}, Kreis {g.kreis}, {g.land}): Mietenstufe {roemisch(g.mietenstufe)}"


@dataclass(frozen=True, slots=True)
class Ungeklaert:
    """A Gemeinde of the PLZ whose Mietenstufe the data cannot give on the date, with the reason."""

    ags: str
    ort: str
    grund: str

    def to_json(self) -> dict[str, object]:
        """JSON-ready mapping."""
        return {"ags": self.ags, "ort": self.ort, "grund": self.grund}


@dataclass(frozen=True, slots=True)
class PlzAuskunft:
    """The Gemeinden of a Postleitzahl and their Mietenstufen on a date.

    ``eindeutig``: one Mietenstufe for the whole PLZ (or for the Gemeinden left after ``ort``);
    otherwise the caller must choose among ``kandidaten`` (by ``ort``, AGS or name). ``ungeklaert``
    lists Gemeinden without a stage (with the reason); ``zweifel`` says when the second source names a
    Kreis for this PLZ that the PLZ table has no Gemeinde in (the list may be incomplete).
    """

    plz: str
    ort: str | None
    valid_from: date
    source: str
    kandidaten: tuple[PlzKandidat, ...]
    ungeklaert: tuple[Ungeklaert, ...] = ()
    zweifel: str | None = None

    @property
    def eindeutig(self) -> bool:
        """True when the data give exactly one Mietenstufe for this PLZ (and ``ort``)."""
        return (
            bool(self.kandidaten)
            and not self.ungeklaert
            and self.zweifel is None
            and len({k.mietenstufe for k in self.kandidaten}) == 1
        )

    @property
    def mietenstufe(self) -> int | None:
        """The Mietenstufe when :attr:`eindeutig`, else None."""
        return self.kandidaten[0].mietenstufe if self.eindeutig else None

    @property
    def quelle(self) -> str:
        """Legal source and data attributions, for every answer shown to a user."""
        return (
            f"{self.source}, Fassung ab {self.valid_from:%d.%m.%Y}; § 12 Abs. 2–4a WoGG. "
            f"{QUELLE_OSM}. {QUELLE_GEONAMES}."
        )

    def text(self) -> str:
        """German answer in a few sentences."""
        wo = f"PLZ {self.plz}" + (f", Ort {self.ort!r}" if self.ort else "")
        if self.eindeutig:
            k = self.kandidaten[0]
            stufe = roemisch(k.mietenstufe)
            if len(self.kandidaten) == 1:
                head = f"{wo}: {k.beschreibung()}. Herkunft: {k.erlaeuterung}."
            else:
                namen = ", ".join(c.gemeinde.name for c in self.kandidaten)
                head = (
                    f"{wo}: Mietenstufe {stufe}. Die PLZ umfasst {len(self.kandidaten)} Gemeinden "
                    f"({namen}); alle haben an diesem Tag Mietenstufe {stufe}."
                )
            return f"{head} Grundlage: {self.quelle}"
        lines = [f"{wo}: keine eindeutige Mietenstufe; bitte die Gemeinde wählen (--ort, AGS oder Name):"]
        lines += [f"  {k.beschreibung()}" for k in self.kandidaten]
        lines += [f"  {u.ort} (AGS {u.ags}): keine Mietenstufe – {u.grund}" for u in self.ungeklaert]
        if self.zweifel:
            lines.append(f"Hinweis: {self.zweifel}")
        lines.append(f"Grundlage: {self.quelle}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        """JSON-ready mapping (for the service and the CLI's ``--json``), with ``quelle``."""
        return {
            "plz": self.plz,
            "ort": self.ort,
            "fassung_ab": self.valid_from.isoformat(),
            "eindeutig": self.eindeutig,
            "mietenstufe": self.mietenstufe,
            "mietenstufe_roemisch": roemisch(self.mietenstufe) if self.mietenstufe else None,
            "mehrere_gemeinden": len(self.kandidaten) + len(self.ungeklaert) > 1,
            "kandidaten": [k.to_json() for k in self.kandidaten],
            "ungeklaert": [u.to_json() for u in self.ungeklaert],
            "zweifel": self.zweifel,
            "quelle": self.quelle,
        }

    def kandidaten_text(self) -> str:
        """The candidates as indented German lines (for error messages)."""
        out = [f"\n  {k.beschreibung()}" for k in self.kandidaten]
        out += [f"\n  {u.ort} (AGS {u.ags}): keine Mietenstufe – {u.grund}" for u in self.ungeklaert]
        return "".join(out)


@dataclass(frozen=True, slots=True)
class _Aenderung:
    vorgaenger: str
    name: str
    nachfolger: str
    nachfolger_name: str
    wirksam: date
    quelle: str


class _PlzDaten:
    """The PLZ files of one folder, read once."""

    def __init__(self, root: Traversable | Path) -> None:
        try:
            osm = (root / "plz-gemeinden.csv").read_text(encoding="utf-8")
            geo = (root / "geonames-plz-kreise.csv").read_text(encoding="utf-8")
            aend = tomllib.loads((root / "gebietsaenderungen.toml").read_text(encoding="utf-8"))
            ausn = tomllib.loads((root / "ausnahmen.toml").read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise DataFileError(f"{root}: PLZ-Daten können nicht gelesen werden: {exc!r}") from None
        by_plz: dict[str, list[tuple[str, str]]] = {}
        reader = csv.reader(io.StringIO(osm))
        if next(reader, None) != ["plz", "ags", "ort"]:
            raise DataFileError(f"{root}/plz-gemeinden.csv: unerwarteter Kopf")
        for n, row in enumerate(reader, start=2):
            if len(row) != 3 or not _PLZ.fullmatch(row[0]) or not re.fullmatch(r"\d{8}", row[1]):
                raise DataFileError(f"{root}/plz-gemeinden.csv: Zeile {n}: {row!r}")
            by_plz.setdefault(row[0], []).append((row[1], row[2]))
        self.by_plz: dict[str, tuple[tuple[str, str], ...]] = {p: tuple(v) for p, v in by_plz.items()}
        reader = csv.reader(io.StringIO(geo))
        if next(reader, None) != ["plz", "kreise"]:
            raise DataFileError(f"{root}/geonames-plz-kreise.csv: unerwarteter Kopf")
        self.geonames: dict[str, frozenset[str]] = {r[0]: frozenset(r[1].split(";")) for r in reader}
        quellen: Mapping[str, str] = aend.get("quellen", {})
        self.aenderungen: dict[str, _Aenderung] = {}
        for e in aend.get("aenderung", []):
            try:
                a = _Aenderung(
                    vorgaenger=e["vorgaenger"],
                    name=e["name"],
                    nachfolger=e["nachfolger"],
                    nachfolger_name=e["nachfolger_name"],
                    wirksam=e["wirksam"],
                    quelle=quellen[e["quelle"]],
                )
            except KeyError as exc:
                raise DataFileError(f"{root}/gebietsaenderungen.toml: Eintrag {e!r}: Schlüssel "
                    f"{exc}") from None
            self.aenderungen[a.vorgaenger] = a
        self.ausnahmen: dict[tuple[str, date], str] = {}
        for e in ausn.get("ausnahme", []):
            for fassung in e["fassungen"]:
                self.ausnahmen[(e["ags"], fassung)] = e["grund"]


def gemeinden_der_plz(plz: str, ort: str | None = None) -> tuple[tuple[str, str], ...]:
    """The Gemeinden (AGS, name) the PLZ table gives for ``plz``, narrowed by ``ort`` if given.

    Independent of the date (the Mietenstufe is not asked); an unknown or malformed PLZ gives ``()``.
    """
    try:
        rows = _plz_daten().by_plz.get(pruefe_plz(plz), ())
    except InputError:
        return ()
    if ort is None:
        return rows
    keys = _ort_keys(ort)
    return tuple(r for r in rows if _ort_keys(r[1]) & keys)


_daten: dict[str, _PlzDaten] = {}
_standard: list[_PlzDaten] = []  # the PLZ data shipped with the package, once read
_antworten: dict[tuple[str, int, str], PlzAuskunft] = {}
_gebietsstand: dict[int, date] = {}
_GRENZE = 200_000
_liste_am: dict[date, int] = {}  # date → id of the default Fassung in force (lists are cached for good)


def _plz_daten(root: Traversable | Path | None = None) -> _PlzDaten:
    if root is None and _standard:
        return _standard[0]
    standard = root is None
    if root is None:
        from ..tabelle import data_root

        root = data_root() / "plz"
    key = str(root)
    d = _daten.get(key)
    if d is None:
        d = _daten[key] = _PlzDaten(root)
    if standard:
        _standard.append(d)
    return d


def _stand(lst: MietenstufenListe) -> date:
    got = _gebietsstand.get(id(lst))
    if got is None:
        text = lst.header.get("gebietsstand_anlage")
        if not isinstance(text, str):
            raise DataFileError(f"Mietenstufen {lst.valid_from}: Schlüssel gebietsstand_anlage fehlt")
        got = _gebietsstand[id(lst)] = datetime.strptime(text, "%d.%m.%Y").date()
    return got


def _kreis_gemeinde(lst: MietenstufenListe, ags: str, ort: str) -> Gemeinde | None:
    """The Gemeinde ``ags`` with its Kreis's row, if the Kreis has one and lists no Gemeinde of that name."""
    kreis = lst.kreise.get(ags[:5])
    zeile = kreis.get("mietenstufe") if kreis else None
    if kreis is None or not isinstance(zeile, int):
        return None
    keys = _ort_keys(ort)
    for g in lst.by_ags.values():
        if g.kreis_schluessel == ags[:5] and g.herkunft == "gemeinde" and keys & _ort_keys(g.name):
            return None  # a Gemeinde of that name has a row of its own: not "nicht gesondert aufgeführt"
    return Gemeinde(
        ags=ags,
        name=ort,
        kreis_schluessel=ags[:5],
        kreis=kreis["name"],
        land=lst.header["laender"].get(ags[:2], ags[:2]),
        mietenstufe=zeile,
        herkunft="kreis",
    )


def _aufloesen(daten: _PlzDaten, lst: MietenstufenListe, ags: str, ort: str) -> PlzKandidat | Ungeklaert:
    """The Mietenstufe of one Gemeinde of the PLZ table in the Fassung ``lst``, by one named rule."""
    g = lst.by_ags.get(ags)
    if g is not None:
        return PlzKandidat(g, ort, "anlage", HERKUNFT.get(g.herkunft, g.herkunft))
    fassung = f"Fassung ab {lst.valid_from:%d.%m.%Y}"
    stand = _stand(lst)
    a = daten.aenderungen.get(ags)
    if a is not None:
        if a.wirksam <= stand:
            s = lst.by_ags.get(a.nachfolger)
            if s is not None:
                why = (
                    f"{a.name} (AGS {ags}) ging am {a.wirksam:%d.%m.%Y} in {a.nachfolger_name} (AGS "
                    f"{a.nachfolger}) auf, vor dem Gebietsstand {stand:%d.%m.%Y} der Anlage; es gilt dessen "
                    f"Mietenstufe ({a.quelle})"
                )
                return PlzKandidat(s, ort, "gebietsaenderung", why)
        else:
            k = _kreis_gemeinde(lst, ags, a.name)
            if k is not None:
                why = (
                    f"{a.name} (AGS {ags}) war am Gebietsstand {stand:%d.%m.%Y} der Anlage eine eigene "
                    f"Gemeinde, dort nicht gesondert aufgeführt, und ging erst am {a.wirksam:%d.%m.%Y} in "
                    f"{a.nachfolger_name} (AGS {a.nachfolger}) auf ({a.quelle}); es gilt die Mietenstufe "
                    f"des Kreises {k.kreis}"
                )
                return PlzKandidat(k, ort, "gebietsaenderung", why)
        return Ungeklaert(  # never fall through to the Kreis row: the change decides
            ags,
            ort,
            f"{a.name} ging am {a.wirksam:%d.%m.%Y} in {a.nachfolger_name} (AGS {a.nachfolger}) auf; "
            f"in dieser Fassung ist dafür keine Mietenstufe bestimmbar ({fassung})",
        )
    grund = daten.ausnahmen.get((ags, lst.valid_from))
    if grund is not None:
        return Ungeklaert(ags, ort, f"{grund} ({fassung})")
    if ags in lst.fehlend:
        return Ungeklaert(ags, ort, f"in dieser Fassung nicht zugeordnet: {lst.fehlend[ags]} ({fassung})")
    k = _kreis_gemeinde(lst, ags, ort)
    if k is not None:
        why = f"{REGEL['kreiszeile']}; Kreis {k.kreis} ({fassung}, Gebietsstand {stand:%d.%m.%Y})"
        return PlzKandidat(k, ort, "kreiszeile", why)
    return Ungeklaert(
        ags, ort, f"AGS nicht im Verzeichnis der Anlage und kein Kreiswert anwendbar ({fassung})"
    )


def _auskunft(plz: str, lst: MietenstufenListe, ort: str | None, daten: _PlzDaten) -> PlzAuskunft:
    rows = daten.by_plz.get(plz)
    if rows is None:
        extra = ""
        if plz in daten.geonames:
            extra = (
                "; die PLZ ist vermutlich eine Postfach- oder Großkunden-PLZ ohne eigenes Wohngebiet – bitte "
                "die PLZ der Wohnung angeben"
            )
        raise UnbekanntePostleitzahl(
            f"Postleitzahl {plz!r} ist in der PLZ-Zuordnung (OpenStreetMap, Stand Januar 2023) nicht "
            f"enthalten{extra}; alternativ die Gemeinde (AGS oder Name) angeben"
        )
    results = [_aufloesen(daten, lst, ags, name) for ags, name in rows]
    kandidaten = [r for r in results if isinstance(r, PlzKandidat)]
    ungeklaert = [r for r in results if isinstance(r, Ungeklaert)]
    zweifel = None
    extra_kreise = daten.geonames.get(plz, frozenset()) - {ags[:5] for ags, _ in rows}
    if extra_kreise:
        namen = ", ".join(
            f"{lst.kreise[k]['name'] if k in lst.kreise else 'unbekannt'} ({k})" for k in sorted(extra_kreise)
        )
        zweifel = (
            f"GeoNames ordnet die PLZ {plz} auch dem Kreis {namen} zu, für den die PLZ-Zuordnung "
            "(OpenStreetMap) keine Gemeinde nennt; die Liste der Gemeinden ist vielleicht unvollständig – "
            "bitte die Gemeinde angeben"
        )
    if ort is not None:
        keys = _ort_keys(ort)
        if not keys:
            raise InputError(f"Ort: {ort!r} angegeben; bitte den Namen der Gemeinde angeben")
        k_hit = [k for k in kandidaten if keys & (_ort_keys(k.ort) | _ort_keys(k.gemeinde.name))]
        u_hit = [u for u in ungeklaert if keys & _ort_keys(u.ort)]
        if not k_hit and not u_hit:
            alle = PlzAuskunft(plz, None, lst.valid_from, lst.source, tuple(kandidaten), tuple(ungeklaert))
            raise UnknownMunicipality(
                f"Ort {ort!r} gehört nach der PLZ-Zuordnung nicht zur PLZ {plz}; Gemeinden dieser PLZ:"
                f"{alle.kandidaten_text()}\nBitte einen dieser Orte wählen oder die Gemeinde (AGS oder Name) "
                "angeben.",
                [k.gemeinde for k in kandidaten],
            )
        kandidaten, ungeklaert, zweifel = k_hit, u_hit, None
    kandidaten.sort(key=lambda k: (k.mietenstufe, k.gemeinde.name, k.gemeinde.ags))
    return PlzAuskunft(
        plz=plz,
        ort=ort,
        valid_from=lst.valid_from,
        source=lst.source,
        kandidaten=tuple(kandidaten),
        ungeklaert=tuple(ungeklaert),
        zweifel=zweifel,
    )


def mietenstufe_nach_plz(
    plz: str,
    *,
    on: date,
    ort: str | None = None,
    data_dir: Traversable | Path | None = None,
    plz_dir: Traversable | Path | None = None,
) -> PlzAuskunft:
    """The Gemeinden of a Postleitzahl and their Mietenstufen on ``on``; ``ort`` narrows the choice.

    Anlage zu § 1 Abs. 3 WoGV i. V. m. § 12 Abs. 2–4a WoGG. Returns a :class:`PlzAuskunft` that is
    either ``eindeutig`` (one Mietenstufe) or a choice of candidates; never guesses. ``ort`` is matched
    tolerantly ("Dresden" = "Dresden, Stadt", ä = ae = a, "St." = "Sankt"). ``data_dir`` is the
    Mietenstufen folder (default: the packaged one), ``plz_dir`` the PLZ folder. Raises
    :class:`UngueltigePostleitzahl`, :class:`UnbekanntePostleitzahl`,
    :class:`~wohngeld.errors.UnknownMunicipality` (``ort`` not in the PLZ) or
    :class:`~wohngeld.errors.NoMietenstufenList`; messages are German.

    >>> from datetime import date
    >>> a = mietenstufe_nach_plz("01067", on=date(2023, 7, 1))
    >>> a.eindeutig, a.mietenstufe, a.kandidaten[0].gemeinde.name
    (True, 3, 'Dresden, Stadt')
    """
    if not isinstance(on, date):
        raise NoMietenstufenList(f"Stichtag: {type(on).__name__} {on!r} angegeben; bitte ein datetime.date")
    if ort is not None and not isinstance(ort, str):
        raise InputError(f"Ort: {type(ort).__name__} {ort!r} angegeben; bitte als Text")
    if data_dir is None and plz_dir is None and type(plz) is str:
        lst_id = _liste_am.get(on)
        if lst_id is not None:
            got = _antworten.get((plz, lst_id, ort or ""))
            if got is not None:
                return got
    text = pruefe_plz(plz)
    lst = liste(on, data_dir=data_dir)
    daten = _plz_daten(plz_dir)
    if plz_dir is not None:
        return _auskunft(text, lst, ort, daten)
    if data_dir is None and len(_liste_am) < _GRENZE:
        _liste_am[on] = id(lst)
    key = (text, id(lst), ort or "")
    got = _antworten.get(key)
    if got is None:
        got = _auskunft(text, lst, ort, daten)
        if len(_antworten) < _GRENZE:  # bounded: free-text ort values must not grow the cache for ever
            _antworten[key] = got
    return got
