"""libtorrent streaming engine: session, adding, piece-deadline policy, local server, cache."""
