"""The regulation model and the determination engine: pure Python, no Qt, no SQL."""
