"""Formats: case files, batches (CSV/JSONL), DataFrames and the JSON Schema."""
