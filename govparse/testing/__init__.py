"""Hypothesis strategies and damage operators for testing govparse and what embeds it."""
