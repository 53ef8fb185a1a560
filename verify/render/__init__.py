"""verify.render."""
