"""Which Gemeinde a household lives in, as the catalogues match it (AGS or name, also by PLZ)."""

from __future__ import annotations

from collections.abc import Sequence

from ..input.haushalt import Haushalt

__all__ = ["gemeinde_passt"]


def _schluessel(h: Haushalt) -> set[str]:
    """The household's ``gemeinde``; for a PLZ naming one Gemeinde (with ``ort``) its AGS and name."""
    keys = {h.gemeinde.strip().casefold()} if h.gemeinde else set()
    if h.plz is not None:
        from ..law.mietenstufen.plz import gemeinden_der_plz

        treffer = gemeinden_der_plz(h.plz, h.ort)
        if len({ags for ags, _ in treffer}) == 1:
            keys |= {treffer[0][0], treffer[0][1].strip().casefold()}
    return {k for k in keys if k}


def gemeinde_passt(h: Haushalt, eintraege: Sequence[str]) -> bool:
    """The household lives in one of ``eintraege`` (AGS or name; "Dresden" matches "Dresden, Stadt")."""
    return any(k == x.casefold() or k.startswith(x.casefold()) for k in _schluessel(h) for x in eintraege)
