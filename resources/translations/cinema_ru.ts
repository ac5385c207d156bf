<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>GridPage</name>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="75"/>
        <source>Films on TV and in your library</source>
        <translation>Фильмы в эфире и в вашей библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="80"/>
        <source>Nothing here yet. Add a TV guide in Settings, or bring back the demo library.</source>
        <translation>Пока пусто. Добавьте телегид в настройках или верните демо-библиотеку.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/grid_page.py" line="102"/>
        <source>%n title(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform><numerusform>%n фильма</numerusform><numerusform>%n фильмов</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="122"/>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="42"/>
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="47"/>
        <source>Play / pause (Space)</source>
        <translation>Пуск / пауза (пробел)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="61"/>
        <source>Volume (↑/↓)</source>
        <translation>Громкость (↑/↓)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="66"/>
        <source>Fullscreen (F)</source>
        <translation>Во весь экран (F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="140"/>
        <source>Cannot play this source: %1</source>
        <translation>Не удалось воспроизвести: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="143"/>
        <source>The end</source>
        <translation>Конец</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="21"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="23"/>
        <source>Demo library</source>
        <translation>Демо-библиотека</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="30"/>
        <source>Where Cinema keeps its data</source>
        <translation>Где Cinema хранит данные</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="34"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="35"/>
        <source>Cache</source>
        <translation>Кэш</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="36"/>
        <source>Logs</source>
        <translation>Журналы</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="64"/>
        <source>The demo library (classic films and a sample video) is shown while you have no guide of your own.</source>
        <translation>Демо-библиотека (классика кино и пробный ролик) показывается, пока у вас нет своего телегида.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="68"/>
        <source>Remove the demo library</source>
        <translation>Убрать демо-библиотеку</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="70"/>
        <source>The demo library is removed.</source>
        <translation>Демо-библиотека убрана.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="71"/>
        <source>Bring back the demo library</source>
        <translation>Вернуть демо-библиотеку</translation>
    </message>
</context>
<context>
    <name>TitlePage</name>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="85"/>
        <source>Start over</source>
        <translation>Смотреть сначала</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="87"/>
        <source>← Back</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="136"/>
        <source>On TV</source>
        <translation>В эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="138"/>
        <source>Ways to watch</source>
        <translation>Где смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="176"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="177"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/title_page.py" line="198"/>
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n голос</numerusform><numerusform>%n голоса</numerusform><numerusform>%n голосов</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="205"/>
        <source>No description yet.</source>
        <translation>Описания пока нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="208"/>
        <source>Director: %1</source>
        <translation>Режиссёр: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="210"/>
        <source>Cast: %1</source>
        <translation>В ролях: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="218"/>
        <source>▶  Continue from %1</source>
        <translation>▶  Продолжить с %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="221"/>
        <source>▶  Play</source>
        <translation>▶  Смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="223"/>
        <source>No source to play yet</source>
        <translation>Пока негде смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="234"/>
        <source>On air now</source>
        <translation>Сейчас в эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="237"/>
        <source>Not in the TV guide this week</source>
        <translation>На этой неделе в телегиде нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="243"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="245"/>
        <source>Torrent</source>
        <translation>Торрент</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="246"/>
        <source>Live TV</source>
        <translation>Прямой эфир</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="247"/>
        <source>Catch-up</source>
        <translation>Архив канала</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="254"/>
        <source>No sources found yet</source>
        <translation>Источники пока не найдены</translation>
    </message>
</context>
</TS>