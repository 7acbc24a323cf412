"""Analyzers: one module per kind of exposure, registered in `registry`."""
