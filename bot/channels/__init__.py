"""Channel adapters: translate a messenger's payloads to and from the neutral models."""
