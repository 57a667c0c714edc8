"""Reusable widgets of the analysis views."""
