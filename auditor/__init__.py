"""offduty's auditor: the data model, the analyzers and the pipeline that ties the stages together."""

__version__ = "0.1.0"
