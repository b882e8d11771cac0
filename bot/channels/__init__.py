"""Channel adapters: translate a messenger's payloads to and from the neutral models."""

STAFF_PREFIX = "【工作人员回复】"
"""Heading of a staff answer (``Reply.from_staff``) in every channel's rendering."""
