"""Catalogues: conditions, Unterlagen and verbundene Leistungen (one loader)."""
