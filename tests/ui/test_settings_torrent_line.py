"""Settings says where BitTorrent accepts peers (issue 19 item 11): every interface by default."""

from __future__ import annotations

from app.ui.pages.settings_page import SettingsPage


def test_the_default_says_every_interface(qtbot, services) -> None:
    page = SettingsPage(services)
    qtbot.addWidget(page)
    assert services.settings.torrent_listen_interfaces == "0.0.0.0:6881,[::]:6881"
    text = page.torrent_listen.text()
    assert text.startswith("BitTorrent accepts peers on every network interface (0.0.0.0:6881, [::]:6881)")
    assert "torrent_listen_interfaces" in text
    assert page.torrent_listen.isVisibleTo(page)


def test_a_limited_setting_says_where(qtbot, services) -> None:
    services.settings = services.settings.model_copy(update={"torrent_listen_interfaces": "127.0.0.1:6881"})
    page = SettingsPage(services)
    qtbot.addWidget(page)
    assert (
        page.torrent_listen.text()
        == "BitTorrent accepts peers only on 127.0.0.1:6881 (torrent_listen_interfaces)."
    )
