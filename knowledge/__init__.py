"""Knowledge base: notice parsing, storage, indexing and cited question answering.

This package never imports ``bot`` and never touches the network.
"""
