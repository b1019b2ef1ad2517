"""chat stage."""
