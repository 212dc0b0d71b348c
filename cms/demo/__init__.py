"""Demo content: a small, believable site for a fresh machine. Every text is marked as demo."""
