"""NLU components of the assistant that need no training: they read word lists kept as files."""
