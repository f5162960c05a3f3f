"""The combined answer for an online application: amount, documents, Vorrang hint, linked benefits.

One call gives what a municipal online application shows besides the euro amount: the
:class:`~wohngeld.result.Result` of :func:`~wohngeld.engine.calculate` (embedded unchanged), the
Unterlagen-Checkliste (§ 60 Abs. 1 Satz 1 Nr. 3 SGB I, § 23 Abs. 1 WoGG), the Vorrang hint against
SGB II/XII (§ 7 Abs. 1 Satz 3 Nr. 2 WoGG, § 12a SGB II), the linked benefits (§§ 6a, 6b BKGG and
municipal entries) and, where there is a claim, the expected Bewilligungszeitraum (§ 25 WoGG).
No rule lives here; each part comes from its own module and cites its rule. (The module is not
called ``antrag`` so that the function can be a public name of the package, as with ``vergleichen``.)

>>> from datetime import date
>>> from wohngeld import Haushalt
>>> h = Haushalt(mietenstufe=3, miete_monat="400", anzahl_mitglieder=1, gesamteinkommen_monat="900")
>>> a = antrag(h, on=date(2025, 7, 1))
>>> a.wohngeld.betrag_monat, a.unterlagen.ids[0], a.vorrang.ergebnis, a.to_dict()["schema_version"]
(Decimal('254'), 'mietvertrag', 'offen', '1')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from ..catalogs.leistungen import Leistung, LeistungsKatalog, verbundene_leistungen
from ..catalogs.unterlagen import Checkliste, UnterlagenKatalog, unterlagen
from ..engine import calculate
from ..errors import InputError
from ..input.haushalt import Haushalt
from ..law.rechtsstand import ParameterStore, resolve
from ..money import to_decimal
from ..rechenweg import format_datum, format_euro
from ..result import Result
from .bewilligung import Bewilligungszeitraum, bewilligungszeitraum, pruefe_bewilligungszeitraum_monate
from .vorrang import VorrangHinweis, vorrang

__all__ = ["ANTRAG_SCHEMA_VERSION", "Antrag", "antrag"]

ANTRAG_SCHEMA_VERSION = "1"
"""Version of :meth:`Antrag.to_dict`; the embedded ``wohngeld`` part keeps the Result's own version."""

BEWILLIGUNG_ANNAHME = (
    "Angenommen ist ein Antrag im Monat des Stichtags (bzw. von bewilligungszeitraum_ab): der "
    "Bewilligungszeitraum beginnt am Ersten des Monats der Antragstellung (§ 25 Abs. 2 Satz 1 WoGG); "
    "die Wohngeldbehörde legt ihn im Bescheid fest."
)

_VORRANG_TITEL = {
    "Wohngeld": "Wohngeld beseitigt die Hilfebedürftigkeit – zuerst Wohngeld beantragen",
    "SGB II/XII": "Hilfebedürftigkeit bleibt – Jobcenter bzw. Sozialamt ansprechen",
    "nicht hilfebedürftig": "nicht hilfebedürftig – Wohngeld ist die passende Leistung",
    "offen": "nicht beurteilbar",
}


@dataclass(frozen=True, slots=True)
class Antrag:
    """Everything an online application shows for one household on one date (immutable).

    ``wohngeld`` is the unchanged :class:`~wohngeld.result.Result`; ``bewilligungszeitraum`` is None
    when there is no claim.
    """

    stichtag: date
    wohngeld: Result
    unterlagen: Checkliste
    vorrang: VorrangHinweis
    leistungen: tuple[Leistung, ...]
    bewilligungszeitraum: Bewilligungszeitraum | None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready mapping with stable field names; ``wohngeld`` is ``Result.to_dict()`` unchanged."""
        return {
            "schema_version": ANTRAG_SCHEMA_VERSION,
            "stichtag": self.stichtag.isoformat(),
            "wohngeld": self.wohngeld.to_dict(),
            "bewilligungszeitraum": (
                None if self.bewilligungszeitraum is None
                else {**self.bewilligungszeitraum.to_dict(), "annahme": BEWILLIGUNG_ANNAHME}
            ),
            "vorrang": self.vorrang.to_dict(),
            "leistungen": [x.to_dict() for x in self.leistungen],
            "unterlagen": self.unterlagen.to_dict(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The combined answer as JSON (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def text(self, *, rechenweg: bool = False) -> str:
        """German text: amount, Bewilligungszeitraum, Vorrang hint, linked benefits, documents.

        ``rechenweg=True`` appends the Rechenweg of the amount (``Result.explain()``).
        """
        r = self.wohngeld
        kopf = f"Wohngeldantrag – Stichtag {format_datum(self.stichtag)}"
        z = [kopf, "=" * len(kopf)]
        fassung = f"WoGG in der Fassung ab {format_datum(r.fassung)}, {r.rechtsstand}"
        if r.anspruch:
            z.append(f"Wohngeld ({r.art}): {format_euro(r.betrag_monat)} monatlich ({fassung})")
        else:
            z.append(f"Kein Wohngeld ({r.art}): {r.grund} ({r.grund_zitat}; {fassung})")
        z += [f"Hinweis: {w}" for w in r.warnungen]
        b = self.bewilligungszeitraum
        if b is not None:
            z += [
                f"Voraussichtlicher Bewilligungszeitraum: {format_datum(b.beginn)} bis "
                f"{format_datum(b.ende)} ({b.monate} Monate, {b.zitat}); Weiterleistungsantrag möglichst bis "
                f"{format_datum(b.weiterleistung_empfohlen_bis)}, lückenlos spätestens bis "
                f"{format_datum(b.lueckenlos_bis)}.",
                f"  {BEWILLIGUNG_ANNAHME}",
            ]

        v = self.vorrang
        z += ["", f"Vorrang gegenüber SGB II / SGB XII: {_VORRANG_TITEL[v.ergebnis]}", f"  {v.text}"]
        if v.bedarf_monat is not None:
            z.append(f"  Bedarf: {v.bedarf_herkunft}")
        z += [f"  Annahme: {a}" for a in v.annahmen]
        z += [f"  {v.hinweis} ({v.zitat})"]

        z += ["", "Sie haben vielleicht auch Anspruch auf:"]
        if not self.leistungen:
            z.append("  – keine weiteren Leistungen im Katalog –")
        for n, x in enumerate(self.leistungen, start=1):
            wer = f" – für: {', '.join(x.betrifft)}" if x.betrifft else ""
            z.append(f"{n:>2}. {x.name} ({x.rechtsgrundlage}){wer}")
            z.append(f"    {x.hinweis}")
            z.append(f"    Antrag: {x.antrag}")
            if not x.sicher and x.vorbehalt:
                z.append(f"    Nur {x.vorbehalt}.")
            if x.beispiel:
                z.append("    Beispiel-Eintrag: Voraussetzungen von der Kommune zu bestätigen.")
        z += ["  Hinweis, keine Entscheidung: über diese Leistungen entscheiden die genannten Stellen.", ""]
        z.append(self.unterlagen.text())
        if rechenweg:
            z += ["", r.explain()]
        return "\n".join(z)


def _betrag(name: str, value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        d = to_decimal(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name}: {exc}") from None
    if d < 0:
        raise InputError(f"{name}: {d} angegeben; ein Monatsbetrag ist 0 oder mehr")
    return d


def _ein_bewilligungszeitraum(
    haushalt: Haushalt, *, on: date, monate: int | None, store: ParameterStore
) -> Haushalt:
    """The household with the one length of the Bewilligungszeitraum that both the amount and the report use.

    § 15 Abs. 4 WoGG: for a period other than twelve months, Y is twelve times the average monthly
    income expected in that period; § 25 Abs. 1 WoGG: the length the Fassung allows. The length comes
    from the argument or from ``Haushalt.bewilligungszeitraum_monate``; two different lengths are
    refused.
    """
    eigen = haushalt.bewilligungszeitraum_monate
    if monate is None:
        return haushalt
    beginn = (haushalt.bewilligungszeitraum_ab or on).replace(day=1)
    n = pruefe_bewilligungszeitraum_monate(monate, beginn=beginn, rechtsstand=store)
    if eigen is not None and eigen != n:
        raise InputError(
            f"bewilligungszeitraum_monate: {n} Monate angegeben, der Haushalt nennt "
            f"bewilligungszeitraum_monate = {eigen}; ein Bewilligungszeitraum hat eine Länge, nach der "
            "sich auch das Jahreseinkommen richtet (§ 15 Abs. 4, § 25 Abs. 1 WoGG): die Länge nur einmal "
            "oder zweimal gleich angeben"
        )
    return haushalt.model_copy(update={"bewilligungszeitraum_monate": n})


def antrag(
    haushalt: Haushalt,
    *,
    on: date,
    rechtsstand: str | ParameterStore | None = None,
    katalog_unterlagen: str | Path | UnterlagenKatalog | None = None,
    katalog_leistungen: (
        str | Path | LeistungsKatalog | Sequence[str | Path | LeistungsKatalog] | None
    ) = None,
    standard_leistungen: bool = True,
    merkmale: Iterable[str] = (),
    bedarf_monat: Decimal | int | str | None = None,
    kinderzuschlag_monat: Decimal | int | str | None = None,
    kindergeld_monat: Decimal | int | str | None = None,
    unterkunft_monat: Decimal | int | str | None = None,
    bewilligungszeitraum_monate: int | None = None,
) -> Antrag:
    """Amount, documents, Vorrang hint and linked benefits of ``haushalt`` on ``on``, together.

    §§ 4–21 WoGG (amount), § 60 Abs. 1 Satz 1 Nr. 3 SGB I and § 23 Abs. 1 WoGG (documents), § 7
    Abs. 1 Satz 3 Nr. 2 WoGG and § 12a SGB II (Vorrang), §§ 6a, 6b BKGG (linked benefits), § 25 WoGG
    (Bewilligungszeitraum, only with a claim). The amount is computed once and passed on.
    ``katalog_unterlagen`` replaces the shipped documents catalogue; ``katalog_leistungen`` adds
    catalogues of benefits (``standard_leistungen=False``: only those); ``merkmale`` are facts the
    model does not hold; the amounts are passed to :func:`~wohngeld.procedure.vorrang.vorrang`.
    ``bewilligungszeitraum_monate`` sets the length of the Bewilligungszeitraum for the report and for
    Y (§ 15 Abs. 4 WoGG) alike; it must agree with ``Haushalt.bewilligungszeitraum_monate`` if both
    are given.
    """
    if not isinstance(haushalt, Haushalt):
        raise InputError(f"haushalt: {type(haushalt).__name__} angegeben; einen wohngeld.Haushalt übergeben")
    if not isinstance(on, date):
        raise InputError(f"on: {type(on).__name__} {on} angegeben; den Stichtag als datetime.date übergeben")
    bedarf = _betrag("bedarf_monat", bedarf_monat)
    kiz = _betrag("kinderzuschlag_monat", kinderzuschlag_monat)
    kg = _betrag("kindergeld_monat", kindergeld_monat)
    kdu = _betrag("unterkunft_monat", unterkunft_monat)
    store = resolve(rechtsstand)
    haushalt = _ein_bewilligungszeitraum(haushalt, on=on, monate=bewilligungszeitraum_monate, store=store)
    r = calculate(haushalt, on=on, rechtsstand=store)
    liste = unterlagen(haushalt, on=on, katalog=katalog_unterlagen, merkmale=merkmale)
    hinweis = vorrang(
        haushalt, on=on, result=r, bedarf_monat=bedarf, kinderzuschlag_monat=kiz,
        kindergeld_monat=kg, unterkunft_monat=kdu, rechtsstand=store,
    )
    leistungen = verbundene_leistungen(haushalt, r, katalog=katalog_leistungen, standard=standard_leistungen)
    bwz = None
    if r.anspruch:
        beginn = (haushalt.bewilligungszeitraum_ab or on).replace(day=1)
        bwz = bewilligungszeitraum(
            beginn=beginn, monate=haushalt.bewilligungszeitraum_monate, rechtsstand=store
        )
    return Antrag(
        stichtag=on,
        wohngeld=r,
        unterlagen=liste,
        vorrang=hinweis,
        leistungen=leistungen,
        bewilligungszeitraum=bwz,
    )
