"""Custom actions of the assistant: they answer from the content files in content/."""
