"""Synthetic exports of a fictional deputy, and the code that builds them (`python -m sample_exports.generate`)."""
