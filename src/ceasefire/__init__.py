"""ceasefire: monitor a ceasefire from the reports written about it.

    import ceasefire
    events = ceasefire.extract(text, published="2016-05-05")
"""
__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "extract":  # loads spaCy, so only when asked for
        import importlib

        return importlib.import_module("ceasefire.extract")
    raise AttributeError(f"module 'ceasefire' has no attribute {name!r}")
