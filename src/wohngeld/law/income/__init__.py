"""Gesamteinkommen (§§ 13–18 WoGG): the stage and its tables."""
