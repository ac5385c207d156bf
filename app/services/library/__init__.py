"""The user's library: catalog queries, search, progress, history, watchlist."""
