"""The law: parameter tables and their registry, and the stages of the calculation (§§ 5–21 WoGG)."""
