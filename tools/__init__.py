"""Project tooling run by make (not shipped in the package)."""
