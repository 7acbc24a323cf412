"""Measuring offduty's checks on labelled data (`make eval`). Not part of the installed tool: it runs
from a checkout, and writes the figures the tool ships in auditor/data/detector-accuracy.yaml."""
