"""verify.pipeline."""
