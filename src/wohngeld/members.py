"""Who counts: zu berücksichtigende Haushaltsmitglieder (§§ 5–8 WoGG)."""

from __future__ import annotations

from dataclasses import dataclass

from .explain import Rechenweg
from .model import Haushalt

__all__ = ["Mitglieder", "mitglieder"]


@dataclass(frozen=True, slots=True)
class Mitglieder:
    """Counts for the later stages: all members and those to be counted."""

    gesamt: int
    beruecksichtigt: int
    ausgeschlossen: tuple[str, ...]

    @property
    def mischhaushalt(self) -> bool:
        """At least one member is excluded and at least one counts (§ 11 Abs. 3 WoGG)."""
        return 0 < self.beruecksichtigt < self.gesamt


def mitglieder(h: Haushalt, rec: Rechenweg | None) -> Mitglieder:
    """Number of Haushaltsmitglieder and of those zu berücksichtigen.

    § 4 Nr. 1, §§ 5, 6 WoGG; members excluded under § 7 WoGG do not count.
    """
    if h.mitglieder is None:
        assert h.anzahl_mitglieder is not None
        result = Mitglieder(h.anzahl_mitglieder, h.anzahl_mitglieder, ())
    else:
        gruende = tuple(m.ausgeschlossen for m in h.mitglieder if m.ausgeschlossen is not None)
        result = Mitglieder(len(h.mitglieder), len(h.mitglieder) - len(gruende), gruende)
    if rec is not None:
        rec.add(
            "mitglieder_gesamt", "Haushaltsmitglieder", result.gesamt, "Personen", "§ 5 WoGG"
        )
        for grund in result.ausgeschlossen:
            rec.add(
                "ausgeschlossen",
                "vom Wohngeld ausgeschlossenes Haushaltsmitglied",
                grund,
                "",
                "§ 7 WoGG",
            )
        rec.add(
            "mitglieder",
            "zu berücksichtigende Haushaltsmitglieder",
            result.beruecksichtigt,
            "Personen",
            "§ 4 Nr. 1, §§ 5–8 WoGG",
        )
    return result
