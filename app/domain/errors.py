"""The errors every layer raises instead of library exceptions."""


class CinemaError(Exception):
    """Base of all our errors; the message is meant for the user."""


class NotFound(CinemaError):
    """The thing asked for does not exist."""


class EpisodeNotInTorrent(NotFound):
    """A torrent chosen for an episode holds no file of it (a pack without it, a near miss)."""

    def __init__(self, message: str, episode: str) -> None:
        super().__init__(message)
        self.episode = episode  # "S2 E9": what the player names


class RateLimited(CinemaError):
    """A service asked us to slow down."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProviderUnavailable(CinemaError):
    """A remote service is down, unreachable or answered with a server error."""


class AuthError(CinemaError):
    """A key or token was refused."""


class BadFeed(CinemaError):
    """A guide, playlist or API answer could not be understood; nothing was stored."""


class BadTorrent(CinemaError):
    """A torrent or magnet link was refused."""


class PlaybackError(CinemaError):
    """The player could not open or keep playing a source."""


class StorageError(CinemaError):
    """The database cannot be used as it is; the message names the file and what to do."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class DatabaseBusy(StorageError):
    """Another process held the database's write lock for longer than we wait."""


class DatabaseCorrupt(StorageError):
    """The database file is damaged; it is left untouched."""


class DatabaseReadOnly(StorageError):
    """The database (or its folder) cannot be written; reading still works."""


class LibraryError(CinemaError):
    """A profile, history or playlist change that cannot be made; nothing was changed."""


class WrongPin(LibraryError):
    """A profile's PIN was wrong, or too many wrong ones were tried: ``retry_after`` seconds to wait."""

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PlaylistChanged(LibraryError):
    """The playlist was changed elsewhere (another window or process) since it was read."""
