"""Figures from Chinese discipline-inspection reports: extraction, regions, store, reports."""

__version__ = "0.1.0"
