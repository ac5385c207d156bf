"""Networking: the app's one HTTP client (made by ``client``, held by ``shared``), feed downloads,
rate limits and retries."""
