<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="79"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="80"/>
        <source>Films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="81"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="82"/>
        <source>Anime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="83"/>
        <source>Documentaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="84"/>
        <source>Cartoons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="87"/>
        <source>All genres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="89"/>
        <source>Any year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="89"/>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="92"/>
        <source>to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="93"/>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="95"/>
        <source>Any rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="96"/>
        <source>All countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="99"/>
        <source>Any way to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="100"/>
        <source>On TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="101"/>
        <source>Catch-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="102"/>
        <source>Torrent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="103"/>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="106"/>
        <source>Any poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Watched or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Unwatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="112"/>
        <location filename="../../app/ui/widgets/filter_bar.py" line="154"/>
        <source>Sort: on TV soonest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="113"/>
        <source>Sort: rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="114"/>
        <source>Sort: year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="115"/>
        <source>Sort: title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="116"/>
        <source>Sort: recently added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="117"/>
        <source>Sort: most viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="120"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="154"/>
        <source>Sort: best match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="84"/>
        <location filename="../../app/ui/pages/grid_page.py" line="192"/>
        <source>Films on TV and in your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="89"/>
        <location filename="../../app/ui/pages/grid_page.py" line="200"/>
        <source>Nothing here yet. Add a TV guide in Settings, or bring back the demo library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="188"/>
        <source>Search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/grid_page.py" line="196"/>
        <source>%n title(s)</source>
        <translation>
            <numerusform>%n title</numerusform>
            <numerusform>%n titles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="198"/>
        <source>Nothing matches. Try other words or fewer filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="144"/>
        <source>Nothing here yet. Add a TV guide in Settings, or bring back the demo library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="162"/>
        <source>On air now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="163"/>
        <source>Tonight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="164"/>
        <source>This week on TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="165"/>
        <source>Continue watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="166"/>
        <source>Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="167"/>
        <source>Recently added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="168"/>
        <source>Top rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="169"/>
        <source>Anime</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeRowWidget</name>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="100"/>
        <source>See all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageSetting</name>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="28"/>
        <source>As in the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="39"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="53"/>
        <source>Could not save the choice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="59"/>
        <source>Cinema will speak the chosen language from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="227"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228"/>
        <source>All films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="229"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="352"/>
        <source>Fetching the chosen title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="357"/>
        <source>Could not fetch that title: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It will open live when it starts; a reminder %n minute(s) before</source>
        <translation>
            <numerusform>It will open live when it starts; a reminder %n minute before</numerusform>
            <numerusform>It will open live when it starts; a reminder %n minutes before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerMenus</name>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="93"/>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="97"/>
        <source>This source has one quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="106"/>
        <location filename="../../app/ui/widgets/player_menus.py" line="124"/>
        <location filename="../../app/ui/widgets/player_menus.py" line="125"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="110"/>
        <source>No audio tracks yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="114"/>
        <source>Audio delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="128"/>
        <source>Load subtitle file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="131"/>
        <source>Subtitle delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="148"/>
        <source>Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="149"/>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="150"/>
        <source>Saturation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="151"/>
        <source>Hue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="152"/>
        <source>Gamma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="177"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="193"/>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="197"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="201"/>
        <source>Crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="205"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="117"/>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="194"/>
        <location filename="../../app/ui/widgets/player_panels.py" line="113"/>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="210"/>
        <source>Peers %1 · %2 · %3 % loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="222"/>
        <source>Cannot play this source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="224"/>
        <source>%1: %2.
Switching to %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="236"/>
        <source>The end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="248"/>
        <source>no picture after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="250"/>
        <source>the stream stalled for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="252"/>
        <source>cannot be played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="253"/>
        <source>could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="254"/>
        <source>the live stream ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="290"/>
        <source>Volume %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="294"/>
        <source>Load subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="296"/>
        <source>Subtitles (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="304"/>
        <source>Subtitles loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="304"/>
        <source>Cannot load subtitles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="315"/>
        <source>Screenshot saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="315"/>
        <source>No picture to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="355"/>
        <source>Speed %1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="359"/>
        <source>Subtitle delay %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="363"/>
        <source>Audio delay %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="43"/>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="83"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="89"/>
        <source>Jump %1 s (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="96"/>
        <source>Mute (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="103"/>
        <source>Volume (↑/↓, wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="108"/>
        <source>Speed ([ and ])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="112"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="116"/>
        <source>Audio track and delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="119"/>
        <source>Subtitles (drop a file here too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="122"/>
        <source>Picture, aspect and crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="139"/>
        <source>Screenshot (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="143"/>
        <source>Fullscreen (F, double-click)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/widgets/search_box.py" line="29"/>
        <source>Search titles  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="24"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="26"/>
        <source>TV guides and playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="30"/>
        <source>Demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="37"/>
        <source>Where Cinema keeps its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="41"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="42"/>
        <source>Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="43"/>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="60"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="89"/>
        <source>The demo library (classic films and a sample video) is shown while you have no guide of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="93"/>
        <source>Remove the demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="95"/>
        <source>The demo library is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="96"/>
        <source>Bring back the demo library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="46"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="47"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="48"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="49"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="50"/>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="51"/>
        <source>Films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="52"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="69"/>
        <source>Guide or playlist: URL or file (XMLTV .xml/.gz/.xz, M3U, JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="73"/>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="76"/>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="78"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="81"/>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="83"/>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="85"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="122"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="123"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="124"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="125"/>
        <source>not refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="128"/>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/sources_panel.py" line="173"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="174"/>
        <source>Channels without a guide: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="176"/>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="190"/>
        <source>Choose a guide or playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="218"/>
        <source>Source removed; its channels and programmes are gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="247"/>
        <source>The guide has not changed since the last refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="249"/>
        <source>Updated: %1 programmes, %2 films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="265"/>
        <source>Downloading… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/sources_panel.py" line="268"/>
        <source>%n programme(s) stored</source>
        <translation>
            <numerusform>%n programme stored</numerusform>
            <numerusform>%n programmes stored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TitlePage</name>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="105"/>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="107"/>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="119"/>
        <source>Trailer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="125"/>
        <source>Wrong match? Choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="185"/>
        <source>On TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="187"/>
        <source>Ways to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="225"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="226"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/title_page.py" line="254"/>
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="261"/>
        <source>No description yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="264"/>
        <source>Director: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="266"/>
        <source>Cast: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="274"/>
        <source>▶  Continue from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="276"/>
        <source>▶  Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="278"/>
        <source>No source to play yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="289"/>
        <source>On air now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="293"/>
        <source>in the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="295"/>
        <source>Not in the TV guide this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="301"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="303"/>
        <source>Torrent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="304"/>
        <source>Live TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="305"/>
        <source>Catch-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="312"/>
        <source>No sources found yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="319"/>
        <source>✓ In watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="319"/>
        <source>+ Watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="322"/>
        <source>✓ Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="322"/>
        <source>Mark watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="328"/>
        <source>Open on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="112"/>
        <source>Refresh guides now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="114"/>
        <source>Quit Cinema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="256"/>
        <source>Cinema keeps running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="258"/>
        <source>It refreshes the TV guide in the background. Click the icon to open the window; Quit is in its menu. In Settings, closing the window can quit instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="349"/>
        <location filename="../../app/ui/tray.py" line="366"/>
        <source>Guide refresh failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="362"/>
        <source>%n guide(s) could not be refreshed</source>
        <translation>
            <numerusform>%n guide could not be refreshed</numerusform>
            <numerusform>%n guides could not be refreshed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="364"/>
        <source>%n new title(s) in the guide</source>
        <translation>
            <numerusform>%n new title in the guide</numerusform>
            <numerusform>%n new titles in the guide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray/new_sources.py" line="25"/>
        <source>«%1»: %n way(s) to watch</source>
        <translation>
            <numerusform>«%1»: %n way to watch</numerusform>
            <numerusform>«%1»: %n ways to watch</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="366"/>
        <source>Guides refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="367"/>
        <source>Nothing new in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="412"/>
        <source>refreshing guides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="415"/>
        <source>guide refresh failed; next try %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="417"/>
        <source>no TV guides to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="421"/>
        <source>guide refresh due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="422"/>
        <source>next guide refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="431"/>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="433"/>
        <source>tomorrow at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="435"/>
        <source>on %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="443"/>
        <source>Paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="445"/>
        <source>Playing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="447"/>
        <source>Opening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="459"/>
        <source>Hide Cinema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="459"/>
        <source>Show Cinema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="463"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="463"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraySettings</name>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="62"/>
        <source>System tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="64"/>
        <source>Closing the window keeps Cinema running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="65"/>
        <source>Tell me when a background refresh finds new titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="66"/>
        <source>No system tray was found, so closing the window quits Cinema.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TitleSources</name>
    <message numerus="yes">
        <location filename="../../app/ui/components/title_sources.py" line="162"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/title_sources.py" line="164"/>
        <source>%n provider(s) did not answer</source>
        <translation>
            <numerusform>%n provider did not answer</numerusform>
            <numerusform>%n providers did not answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>and %n more airing(s)</source>
        <translation>
            <numerusform>and %n more airing</numerusform>
            <numerusform>and %n more airings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TvPage</name>
    <message numerus="yes">
        <source>A reminder %n minute(s) before it starts</source>
        <translation>
            <numerusform>A reminder %n minute before it starts</numerusform>
            <numerusform>A reminder %n minutes before it starts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TvSettings</name>
    <message numerus="yes">
        <source>%n channel(s) matched with the guide</source>
        <translation>
            <numerusform>%n channel matched with the guide</numerusform>
            <numerusform>%n channels matched with the guide</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TvWays</name>
    <message numerus="yes">
        <source>and %n more in the archive</source>
        <translation>
            <numerusform>and %n more in the archive</numerusform>
            <numerusform>and %n more in the archive</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaylistsPage</name>
    <message numerus="yes">
        <location filename="../../app/ui/pages/playlists_page.py" line="203"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="28"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="30"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="31"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="49"/>
        <source>Sending %n change(s) to the library server…</source>
        <translation>
            <numerusform>Sending %n change to the library server…</numerusform>
            <numerusform>Sending %n changes to the library server…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="53"/>
        <source>Offline: %n change(s) wait on this device and go when the server answers</source>
        <translation>
            <numerusform>Offline: %n change waits on this device and goes when the server answers</numerusform>
            <numerusform>Offline: %n changes wait on this device and go when the server answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="61"/>
        <source>Not syncing: %n change(s) wait on this device.</source>
        <translation>
            <numerusform>Not syncing: %n change waits on this device.</numerusform>
            <numerusform>Not syncing: %n changes wait on this device.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="73"/>
        <source>Library: sending %n change(s)</source>
        <translation>
            <numerusform>Library: sending %n change</numerusform>
            <numerusform>Library: sending %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="80"/>
        <source>Library offline: %n change(s) waiting</source>
        <translation>
            <numerusform>Library offline: %n change waiting</numerusform>
            <numerusform>Library offline: %n changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_settings.py" line="1"/>
        <source>%n profile(s) merged with the server&apos;s of the same name.</source>
        <translation>
            <numerusform>%n profile merged with the server&apos;s of the same name.</numerusform>
            <numerusform>%n profiles merged with the server&apos;s of the same names.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesEpisodesPanel</name>
    <message numerus="yes">
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n episode</numerusform>
            <numerusform>%n episodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NextEpisodeCountdown</name>
    <message numerus="yes">
        <source>Next episode in %n s</source>
        <translation>
            <numerusform>Next episode in %n s</numerusform>
            <numerusform>Next episode in %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
