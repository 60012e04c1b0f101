"""Search: what a query means (query) and the full-text index it reads (index)."""
