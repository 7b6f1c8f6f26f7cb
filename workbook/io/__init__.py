"""Files in and out: importers, whole-workshop exchange, wording, atomic writes."""
