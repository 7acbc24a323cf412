"""Labelled image sets for the imagery checks (clauses 7a, 7b, 8 and 9a): the training set builder and its labels."""
