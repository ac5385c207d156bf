"""Networking: the shared HTTP client, per-host rate limits and retries."""
