"""Guided filing: form specs, validators, eligibility self-check and generated documents.

This package never imports ``bot`` and never touches the network.
"""
