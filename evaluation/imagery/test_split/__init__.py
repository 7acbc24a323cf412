"""The frozen held-out test set for the imagery checks: a generator of synthetic composites (see README.md)."""
