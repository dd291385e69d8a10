"""polling package."""
