"""Mietenstufen (Anlage zu § 1 Abs. 3 WoGV): lookup by AGS or name, and by Postleitzahl."""
