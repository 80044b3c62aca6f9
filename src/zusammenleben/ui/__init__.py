"""Qt views over the content model."""
