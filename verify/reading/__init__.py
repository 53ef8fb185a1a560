"""verify.reading."""
