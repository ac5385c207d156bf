"""The errors every layer raises instead of library exceptions."""


class CinemaError(Exception):
    """Base of all our errors; the message is meant for the user."""


class NotFound(CinemaError):
    """The thing asked for does not exist."""


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
