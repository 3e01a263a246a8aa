"""Extraction: report text -> event mentions with their evidence sentences.

`ceasefire.extract(text, published=...)` is `ceasefire.extract.extract`: the module can be called.
"""
import sys
import types

from ceasefire.extract.pipeline import ExtractionFailure, extract, extract_reports

__all__ = ["ExtractionFailure", "extract", "extract_reports"]


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
