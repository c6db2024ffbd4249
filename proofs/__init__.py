"""Machine-checked claim scripts and their records (see proofs/README.md)."""
