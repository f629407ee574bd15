"""Languages: the interface strings, each translation's English source and review state, and the status report."""
