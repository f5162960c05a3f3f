"""The input: the household, its members, their Einnahmen and the grounds of exclusion."""
