"""OpenSubtitles.com REST API v1 (CONTRACTS.md §9)."""
