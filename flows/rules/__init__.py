"""Eligibility rules, one module per notice; :mod:`flows.eligibility` runs them."""
