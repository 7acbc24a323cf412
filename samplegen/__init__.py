"""Builds the synthetic sample exports in ../sample_exports (`python -m samplegen.generate`), their
ground truth, and the sample agency profile. Also the byte-level builders the tests use for fixtures."""
