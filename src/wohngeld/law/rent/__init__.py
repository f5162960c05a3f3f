"""Miete and Belastung (§§ 9–12 WoGG, WoGV): the stage and its tables."""
