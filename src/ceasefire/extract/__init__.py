"""Extraction: report text -> event mentions with their evidence sentences."""
from ceasefire.extract.pipeline import ExtractionFailure, extract, extract_reports

__all__ = ["ExtractionFailure", "extract", "extract_reports"]
