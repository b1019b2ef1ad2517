"""feeds stage."""
