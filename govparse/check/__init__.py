"""Checks on a read report: the template's arithmetic (validation), kept text."""
