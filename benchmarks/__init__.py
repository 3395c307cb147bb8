"""Benchmarks of wagtail-allyship: realistic data volumes, render times and queries per page.

Run ``make bench`` (or ``python -m benchmarks --help``); see docs/pages/performance.md.
"""
