"""A Wagtail app that runs a male-allyship programme on an existing intranet."""

__version__ = "0.1.0"
