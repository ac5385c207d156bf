"""Qt-free plumbing: configuration, paths, logging, tasks, events, clock, secrets."""
