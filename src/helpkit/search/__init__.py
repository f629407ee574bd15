"""Search per language: the merged index split into one per language, and the worker that stems queries."""
