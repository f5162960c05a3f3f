"""Analysis: scenarios, comparisons and Einkommensgrenzen."""
