"""The offline demonstration."""
