"""Policy assistant runtime: dialog engine, storage, channels and the CLI."""
