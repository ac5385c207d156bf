"""The user's own links: checked before they are saved, offered as sources of their title."""
