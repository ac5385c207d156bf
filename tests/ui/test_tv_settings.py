"""Settings › TV and the channel mapping editor (issue 13): a guide added on its own is paired
with the playlist automatically and can be unlinked and linked again; the padding, reminder lead
and time zone are saved and reach the archive URLs; the mapping editor links a channel nothing
matched, takes a wrong link away and gives it back to the automatic match, and a person's choice
survives the guide's next refresh."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FixedClock
from app.services.guide import pairing
from app.services.guide import refresh as epg_refresh
from app.services.sources import iptv
from app.services.sources.iptv import catchup_options
from app.ui.components.channel_mapping import ChannelMappingDialog
from app.ui.components.tv_settings import TvSettings
from tests.fakes.tv_library import ENDED, import_tv

NOW = datetime(2026, 12, 5, 18, 40, tzinfo=UTC)


@pytest.fixture
def tv(services: Any, tmp_path: Path) -> Any:
    services.clock = FixedClock(NOW)
    services.playlist_id = import_tv(services, tmp_path, separate_guide=True)
    return services


def _title(services: Any, label: str) -> str:
    clean = label.split("«")[1].rstrip("»")
    (row,) = services.db.execute("SELECT DISTINCT title_id FROM programmes WHERE title = :t", {"t": clean})
    return str(row[0])


def test_settings_pair_the_guide_and_keep_padding_and_zone(qtbot: Any, tv: Any) -> None:
    panel = TvSettings(tv)
    qtbot.addWidget(panel)
    panel.refresh()  # no loop here: the worker's read runs at once
    assert panel.playlist.count() == 1 and panel.playlist.currentData() == tv.playlist_id
    assert panel.guide.count() == 1
    assert panel.pairs.text().startswith("Its guide: ") and "(linked automatically)" in panel.pairs.text()

    panel.unlink_button.click()
    assert panel.pairs.text() == "No separate guide is linked to this playlist."
    assert not panel.unlink_button.isEnabled()
    panel.link_button.click()
    # «Спас» has no guide ("channel(s)": the English plural forms come from the .qm the app loads)
    assert panel.pairs.text().startswith("10 channel") and panel.pairs.text().endswith(
        "matched with the guide"
    )
    panel.refresh()
    assert "(linked by you)" in panel.pairs.text()

    # the defaults are the issue's: 1 min before, 5 after; reminders 5 min before
    assert (panel.pad_before.value(), panel.pad_after.value(), panel.remind.value()) == (1, 5, 5)
    ended = _title(tv, ENDED)
    (way,) = [w for w in iptv.ways(tv, ended) if w.extra["way"] == "archive"]
    start = int(way.start.timestamp())
    assert way.url.endswith(f"/live/dom-kino/index.m3u8?utc={start - 60}&lutc={int(NOW.timestamp())}")
    panel.pad_before.setValue(3)
    panel.pad_after.setValue(10)
    panel.remind.setValue(15)
    (way,) = [w for w in iptv.ways(tv, ended) if w.extra["way"] == "archive"]
    assert f"?utc={start - 180}&" in way.url  # three minutes before now
    assert catchup_options(tv.settings).pad_after_s == 600
    saved = json.loads(tv.paths.settings_file.read_text("utf-8"))
    assert (saved["catchup_pad_before_min"], saved["catchup_pad_after_min"], saved["reminder_minutes"]) == (
        3,
        10,
        15,
    )

    panel.timezone.setText("Mars/Olympus_Mons")
    panel.timezone.editingFinished.emit()
    assert panel.zone_note.text() == "unknown time zone: this computer's is used"
    assert tv.settings.catchup_timezone == ""  # nothing wrong is kept
    panel.timezone.setText("Europe/Moscow")
    panel.timezone.editingFinished.emit()
    assert panel.zone_note.text() == "" and tv.settings.catchup_timezone == "Europe/Moscow"
    assert str(catchup_options(tv.settings).zone) == "Europe/Moscow"


def _row(dialog: ChannelMappingDialog, name: str) -> Any:
    for i in range(dialog.channels.count()):
        item = dialog.channels.item(i)
        if item.text().startswith(name + "   →"):
            return item
    raise AssertionError(
        f"no row {name}: {[dialog.channels.item(i).text() for i in range(dialog.channels.count())]}"
    )


def test_the_mapping_editor(qtbot: Any, tv: Any, tmp_path: Path) -> None:
    dialog = ChannelMappingDialog(tv, tv.playlist_id, "list.m3u")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "10 of 11 channels have a guide"
    # «Россия-1 HD» has no tvg-id: met by its name without the «HD» noise and the hyphen
    assert _row(dialog, "Россия-1 HD").text().endswith("→   Россия 1    (by name)")
    assert _row(dialog, "Кинохит").text().endswith("(by tvg-id)")

    dialog.only_unmatched.setChecked(True)
    assert [dialog.channels.item(i).text() for i in range(dialog.channels.count())] == [
        "Спас   →   —    (no guide found)"
    ]
    dialog.channels.setCurrentRow(0)
    assert dialog.find_guide.text() == "Спас"  # the guide list is searched by its name first
    assert dialog.guide.count() == 0 and not dialog.link_button.isEnabled()
    dialog.find_guide.setText("наука")
    assert dialog.guide.count() == 1
    dialog.guide.setCurrentRow(0)
    assert dialog.link_button.isEnabled()
    dialog.link_button.click()
    dialog.only_unmatched.setChecked(False)
    assert _row(dialog, "Спас").text() == "Спас   →   Наука    (chosen by you)"
    assert dialog.summary.text() == "11 of 11 channels have a guide"

    dialog.channels.setCurrentItem(_row(dialog, "Россия-1 HD"))
    dialog.none_button.click()
    assert _row(dialog, "Россия-1 HD").text() == "Россия-1 HD   →   —    (no guide (your choice))"

    # the guide refreshed: the person's choices stay
    epg_refresh.import_location(tv, str(tmp_path / "guide.xml"))
    rows = {r.name: r for r in pairing.mapping_rows(tv, tv.playlist_id)[0]}
    assert (rows["Спас"].method, rows["Спас"].guide_channel_name) == ("manual", "Наука")
    assert (rows["Россия-1 HD"].method, rows["Россия-1 HD"].guide_channel_id) == ("none", None)

    dialog.reload()
    dialog.channels.setCurrentItem(_row(dialog, "Россия-1 HD"))
    dialog.auto_button.click()  # back to what the automatic match finds
    assert _row(dialog, "Россия-1 HD").text().endswith("→   Россия 1    (by name)")
