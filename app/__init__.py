"""Cinema: films from the TV guide, torrents and streams in one desktop media center."""

__version__ = "0.1.0"
APP_NAME = "Cinema"
