"""Procedure: Bewilligungszeitraum (§ 25), Änderung (§§ 27, 28), Vorrang (§ 7 f.), Antrag."""
