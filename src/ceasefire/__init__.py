"""ceasefire: monitor a ceasefire from the reports written about it."""
__version__ = "0.1.0"
