"""verify.web."""
