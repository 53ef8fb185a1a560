"""verify.retrieval."""
