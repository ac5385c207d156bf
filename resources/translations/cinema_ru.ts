<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="79"/>
        <source>All kinds</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="80"/>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="81"/>
        <source>Series</source>
        <translation>Сериалы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="82"/>
        <source>Anime</source>
        <translation>Аниме</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="83"/>
        <source>Documentaries</source>
        <translation>Документальные</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="84"/>
        <source>Cartoons</source>
        <translation>Мультфильмы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="87"/>
        <source>All genres</source>
        <translation>Жанры</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="89"/>
        <source>Any year</source>
        <translation>Годы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="89"/>
        <source>from %1</source>
        <translation>с %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="92"/>
        <source>to now</source>
        <translation>по сей день</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="93"/>
        <source>to %1</source>
        <translation>по %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="95"/>
        <source>Any rating</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="96"/>
        <source>All countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="99"/>
        <source>Any way to watch</source>
        <translation>Где смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="100"/>
        <source>On TV</source>
        <translation>По ТВ</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="101"/>
        <source>Catch-up</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="102"/>
        <source>Torrent</source>
        <translation>Торрент</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="103"/>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="106"/>
        <source>Any poster</source>
        <translation>Постер</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Watched or not</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Unwatched</source>
        <translation>Непросмотренные</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="108"/>
        <source>Watched</source>
        <translation>Просмотренные</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="112"/>
        <location filename="../../app/ui/widgets/filter_bar.py" line="154"/>
        <source>Sort: on TV soonest</source>
        <translation>Сначала ближайшие в эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="113"/>
        <source>Sort: rating</source>
        <translation>По рейтингу</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="114"/>
        <source>Sort: year</source>
        <translation>По году</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="115"/>
        <source>Sort: title</source>
        <translation>По названию</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="116"/>
        <source>Sort: recently added</source>
        <translation>Недавно добавленные</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="117"/>
        <source>Sort: most viewed</source>
        <translation>Самые просматриваемые</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="120"/>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/filter_bar.py" line="154"/>
        <source>Sort: best match</source>
        <translation>Сначала лучшие совпадения</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <location filename="../../app/ui/pages/grid_page.py"/>
        <source>Could not read the library: %1</source>
        <translation>Не удалось прочитать библиотеку: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="84"/>
        <location filename="../../app/ui/pages/grid_page.py" line="192"/>
        <source>Films on TV and in your library</source>
        <translation>Фильмы в эфире и в вашей библиотеке</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="89"/>
        <location filename="../../app/ui/pages/grid_page.py" line="200"/>
        <source>Nothing here yet. Add a TV guide in Settings, or bring back the demo library.</source>
        <translation>Пока пусто. Добавьте телегид в настройках или верните демо-библиотеку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="188"/>
        <source>Search: %1</source>
        <translation>Поиск: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/grid_page.py" line="196"/>
        <source>%n title(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform>
            <numerusform>%n фильма</numerusform>
            <numerusform>%n фильмов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/grid_page.py" line="198"/>
        <source>Nothing matches. Try other words or fewer filters.</source>
        <translation>Ничего не нашлось. Попробуйте другие слова или меньше фильтров.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="144"/>
        <source>Nothing here yet. Add a TV guide in Settings, or bring back the demo library.</source>
        <translation>Пока пусто. Добавьте телегид в настройках или верните демо-библиотеку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="162"/>
        <source>On air now</source>
        <translation>Сейчас в эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="163"/>
        <source>Tonight</source>
        <translation>Сегодня вечером</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="164"/>
        <source>This week on TV</source>
        <translation>На этой неделе по ТВ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="165"/>
        <source>Continue watching</source>
        <translation>Продолжить просмотр</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="166"/>
        <source>Watchlist</source>
        <translation>Буду смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="167"/>
        <source>Recently added</source>
        <translation>Недавно добавленные</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="168"/>
        <source>Top rated</source>
        <translation>Лучшие по рейтингу</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="169"/>
        <source>Anime</source>
        <translation>Аниме</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="181"/>
        <source>Recommended for you</source>
        <translation>Рекомендуем вам</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="182"/>
        <source>Popular</source>
        <translation>Популярное</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="183"/>
        <source>Trending this week</source>
        <translation>В тренде на этой неделе</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="184"/>
        <source>New releases</source>
        <translation>Новинки</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="185"/>
        <source>Anime this season</source>
        <translation>Аниме этого сезона</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="188"/>
        <source>Because you watched %1</source>
        <translation>Потому что вы смотрели «%1»</translation>
    </message>
</context>
<context>
    <name>HomeRowWidget</name>
    <message>
        <location filename="../../app/ui/pages/home_page.py" line="100"/>
        <source>See all</source>
        <translation>Все</translation>
    </message>
</context>
<context>
    <name>LanguageSetting</name>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="28"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="39"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="53"/>
        <source>Could not save the choice: %1</source>
        <translation>Не удалось сохранить выбор: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/language_setting.py" line="59"/>
        <source>Cinema will speak the chosen language from its next start.</source>
        <translation>Cinema заговорит на выбранном языке при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py"/>
        <source>Could not load: %1</source>
        <translation>Не удалось загрузить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py"/>
        <source>No source to play yet</source>
        <translation>Пока негде смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py"/>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="227"/>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228"/>
        <source>All films</source>
        <translation>Все фильмы</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="229"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="352"/>
        <source>Fetching the chosen title…</source>
        <translation>Загружаем выбранный фильм…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="357"/>
        <source>Could not fetch that title: %1</source>
        <translation>Не удалось загрузить фильм: %1</translation>
    </message>
    <message numerus="yes">
        <source>It will open live when it starts; a reminder %n minute(s) before</source>
        <translation>
            <numerusform>Включу в эфире к началу; напомню за %n минуту</numerusform>
            <numerusform>Включу в эфире к началу; напомню за %n минуты</numerusform>
            <numerusform>Включу в эфире к началу; напомню за %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>TV</source>
        <translation>ТВ</translation>
    </message>
</context>
<context>
    <name>PlayerMenus</name>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="93"/>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="97"/>
        <source>This source has one quality</source>
        <translation>У этого источника одно качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="106"/>
        <location filename="../../app/ui/widgets/player_menus.py" line="124"/>
        <location filename="../../app/ui/widgets/player_menus.py" line="125"/>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="110"/>
        <source>No audio tracks yet</source>
        <translation>Звуковых дорожек пока нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="114"/>
        <source>Audio delay</source>
        <translation>Задержка звука</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="128"/>
        <source>Load subtitle file…</source>
        <translation>Загрузить файл субтитров…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="131"/>
        <source>Subtitle delay</source>
        <translation>Задержка субтитров</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="148"/>
        <source>Brightness</source>
        <translation>Яркость</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="149"/>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="150"/>
        <source>Saturation</source>
        <translation>Насыщенность</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="151"/>
        <source>Hue</source>
        <translation>Оттенок</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="152"/>
        <source>Gamma</source>
        <translation>Гамма</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="177"/>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="193"/>
        <source>Aspect ratio</source>
        <translation>Соотношение сторон</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="197"/>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="201"/>
        <source>Crop</source>
        <translation>Обрезка</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_menus.py" line="205"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="43"/>
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="83"/>
        <source>Play / pause (Space)</source>
        <translation>Пуск / пауза (пробел)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="89"/>
        <source>Jump %1 s (%2)</source>
        <translation>Перейти на %1 с (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="96"/>
        <source>Mute (M)</source>
        <translation>Без звука (M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="103"/>
        <source>Volume (↑/↓, wheel)</source>
        <translation>Громкость (↑/↓, колесо)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="108"/>
        <source>Speed ([ and ])</source>
        <translation>Скорость ([ и ])</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="112"/>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="194"/>
        <location filename="../../app/ui/widgets/player_panels.py" line="113"/>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="116"/>
        <source>Audio track and delay</source>
        <translation>Звуковая дорожка и задержка</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="119"/>
        <source>Subtitles (drop a file here too)</source>
        <translation>Субтитры (файл можно перетащить сюда)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="122"/>
        <source>Picture, aspect and crop</source>
        <translation>Изображение, пропорции и обрезка</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="139"/>
        <source>Screenshot (S)</source>
        <translation>Снимок кадра (S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/player_panels.py" line="143"/>
        <source>Fullscreen (F, double-click)</source>
        <translation>Во весь экран (F, двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="117"/>
        <source>Opening…</source>
        <translation>Открываем…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="210"/>
        <source>Peers %1 · %2 · %3 % loaded</source>
        <translation>Пиры %1 · %2 · загружено %3 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="224"/>
        <source>%1: %2.
Switching to %3…</source>
        <translation>%1: %2.
Переключаемся на %3…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="248"/>
        <source>no picture after %1 s</source>
        <translation>нет изображения за %1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="250"/>
        <source>the stream stalled for %1 s</source>
        <translation>поток замер на %1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="252"/>
        <source>cannot be played</source>
        <translation>не воспроизводится</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="253"/>
        <source>could not be opened</source>
        <translation>не открывается</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="254"/>
        <source>the live stream ended</source>
        <translation>прямой эфир прервался</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="256"/>
        <source>the stream broke off at %1</source>
        <translation>поток оборвался на %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="257"/>
        <source>the torrent has no file of %1</source>
        <translation>в торренте нет файла серии %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="290"/>
        <source>Volume %1 %</source>
        <translation>Громкость %1 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="294"/>
        <source>Load subtitles</source>
        <translation>Загрузить субтитры</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="296"/>
        <source>Subtitles (%1)</source>
        <translation>Субтитры (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="304"/>
        <source>Subtitles loaded: %1</source>
        <translation>Субтитры загружены: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="304"/>
        <source>Cannot load subtitles: %1</source>
        <translation>Не удалось загрузить субтитры: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="315"/>
        <source>Screenshot saved: %1</source>
        <translation>Снимок сохранён: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="315"/>
        <source>No picture to save</source>
        <translation>Нет кадра для снимка</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="355"/>
        <source>Speed %1×</source>
        <translation>Скорость %1×</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="359"/>
        <source>Subtitle delay %1 ms</source>
        <translation>Задержка субтитров %1 мс</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="363"/>
        <source>Audio delay %1 ms</source>
        <translation>Задержка звука %1 мс</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="222"/>
        <source>Cannot play this source: %1</source>
        <translation>Не удалось воспроизвести: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/player_page.py" line="236"/>
        <source>The end</source>
        <translation>Конец</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../app/ui/widgets/search_box.py" line="29"/>
        <source>Search titles  (Ctrl+F)</source>
        <translation>Поиск по названию  (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py"/>
        <source>Could not change the demo library: %1</source>
        <translation>Не удалось изменить демо-библиотеку: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="24"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="26"/>
        <source>TV guides and playlists</source>
        <translation>Телегиды и плейлисты</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="30"/>
        <source>Demo library</source>
        <translation>Демо-библиотека</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="37"/>
        <source>Where Cinema keeps its data</source>
        <translation>Где Cinema хранит данные</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="104"/>
        <source>BitTorrent accepts peers on every network interface (%1): other computers can connect to it, as peers must. To limit it, set torrent_listen_interfaces in settings.json (for example 127.0.0.1:6881).</source>
        <translation>BitTorrent принимает пиров на всех сетевых интерфейсах (%1): к нему могут подключаться другие компьютеры — так и должно быть для пиров. Чтобы ограничить, задайте torrent_listen_interfaces в settings.json (например, 127.0.0.1:6881).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="110"/>
        <source>BitTorrent accepts peers only on %1 (torrent_listen_interfaces).</source>
        <translation>BitTorrent принимает пиров только на %1 (torrent_listen_interfaces).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="41"/>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="42"/>
        <source>Cache</source>
        <translation>Кэш</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="43"/>
        <source>Logs</source>
        <translation>Журналы</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="60"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="89"/>
        <source>The demo library (classic films and a sample video) is shown while you have no guide of your own.</source>
        <translation>Демо-библиотека (классика кино и пробный ролик) показывается, пока у вас нет своего телегида.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="93"/>
        <source>Remove the demo library</source>
        <translation>Убрать демо-библиотеку</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="95"/>
        <source>The demo library is removed.</source>
        <translation>Демо-библиотека убрана.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py" line="96"/>
        <source>Bring back the demo library</source>
        <translation>Вернуть демо-библиотеку</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="46"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="47"/>
        <source>Type</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="48"/>
        <source>Updated</source>
        <translation>Обновлён</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="49"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="50"/>
        <source>Programmes</source>
        <translation>Передачи</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="51"/>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="52"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="69"/>
        <source>Guide or playlist: URL or file (XMLTV .xml/.gz/.xz, M3U, JSON)</source>
        <translation>Телегид или плейлист: адрес или файл (XMLTV .xml/.gz/.xz, M3U, JSON)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="73"/>
        <source>Name (optional)</source>
        <translation>Название (необязательно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="76"/>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="78"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="81"/>
        <source>Refresh now</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="83"/>
        <source>Refresh all</source>
        <translation>Обновить все</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="85"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="122"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="123"/>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="124"/>
        <source>ok</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="125"/>
        <source>not refreshed</source>
        <translation>не обновлялся</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="128"/>
        <source>demo</source>
        <translation>демо</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/sources_panel.py" line="173"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="174"/>
        <source>Channels without a guide: %1</source>
        <translation>Каналы без телегида: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="176"/>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="190"/>
        <source>Choose a guide or playlist</source>
        <translation>Выберите телегид или плейлист</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="218"/>
        <source>Source removed; its channels and programmes are gone.</source>
        <translation>Источник удалён вместе с его каналами и передачами.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="247"/>
        <source>The guide has not changed since the last refresh.</source>
        <translation>Телегид не изменился с прошлого обновления.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="249"/>
        <source>Updated: %1 programmes, %2 films</source>
        <translation>Обновлено: передач — %1, фильмов — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/sources_panel.py" line="265"/>
        <source>Downloading… %p%</source>
        <translation>Загрузка… %p%</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/sources_panel.py" line="268"/>
        <source>%n programme(s) stored</source>
        <translation>
            <numerusform>сохранена %n передача</numerusform>
            <numerusform>сохранено %n передачи</numerusform>
            <numerusform>сохранено %n передач</numerusform>
        </translation>
    </message>
    <message>
        <source>ended</source>
        <translation>закончилась</translation>
    </message>
    <message>
        <source>This guide ended on %1: it has no programmes from now on.</source>
        <translation>Эта телепрограмма закончилась %1: дальше в ней нет передач.</translation>
    </message>
</context>
<context>
    <name>TitlePage</name>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="105"/>
        <source>Start over</source>
        <translation>Смотреть сначала</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="107"/>
        <source>← Back</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="119"/>
        <source>Trailer</source>
        <translation>Трейлер</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="125"/>
        <source>Wrong match? Choose another</source>
        <translation>Не тот фильм? Выбрать другой</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="185"/>
        <source>On TV</source>
        <translation>В эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="187"/>
        <source>Ways to watch</source>
        <translation>Где смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="225"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="226"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/title_page.py" line="254"/>
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n голос</numerusform>
            <numerusform>%n голоса</numerusform>
            <numerusform>%n голосов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="261"/>
        <source>No description yet.</source>
        <translation>Описания пока нет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="264"/>
        <source>Director: %1</source>
        <translation>Режиссёр: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="266"/>
        <source>Cast: %1</source>
        <translation>В ролях: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="274"/>
        <source>▶  Continue from %1</source>
        <translation>▶  Продолжить с %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="276"/>
        <source>▶  Play</source>
        <translation>▶  Смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="278"/>
        <source>No source to play yet</source>
        <translation>Пока негде смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="289"/>
        <source>On air now</source>
        <translation>Сейчас в эфире</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="293"/>
        <source>in the archive</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="295"/>
        <source>Not in the TV guide this week</source>
        <translation>На этой неделе в телегиде нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="301"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="303"/>
        <source>Torrent</source>
        <translation>Торрент</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="304"/>
        <source>Live TV</source>
        <translation>Прямой эфир</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="305"/>
        <source>Catch-up</source>
        <translation>Архив канала</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="312"/>
        <source>No sources found yet</source>
        <translation>Источники пока не найдены</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="319"/>
        <source>✓ In watchlist</source>
        <translation>✓ Буду смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="319"/>
        <source>+ Watchlist</source>
        <translation>+ Буду смотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="322"/>
        <source>✓ Watched</source>
        <translation>✓ Просмотрено</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="322"/>
        <source>Mark watched</source>
        <translation>Отметить просмотренным</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/title_page.py" line="328"/>
        <source>Open on %1</source>
        <translation>Открыть на %1</translation>
    </message>
    <message>
        <source>▶  Watch live at %1</source>
        <translation>▶  Смотреть в эфире в %1</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="112"/>
        <source>Refresh guides now</source>
        <translation>Обновить программу сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="114"/>
        <source>Quit Cinema</source>
        <translation>Выйти из Cinema</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="256"/>
        <source>Cinema keeps running in the tray</source>
        <translation>Cinema продолжает работать в трее</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="258"/>
        <source>It refreshes the TV guide in the background. Click the icon to open the window; Quit is in its menu. In Settings, closing the window can quit instead.</source>
        <translation>Программа передач обновляется в фоне. Щёлкните по значку, чтобы открыть окно; выход — в его меню. В настройках можно сделать, чтобы закрытие окна завершало Cinema.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="349"/>
        <location filename="../../app/ui/tray.py" line="366"/>
        <source>Guide refresh failed</source>
        <translation>Не удалось обновить программу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="362"/>
        <source>%n guide(s) could not be refreshed</source>
        <translation>
            <numerusform>Не удалось обновить %n программу</numerusform>
            <numerusform>Не удалось обновить %n программы</numerusform>
            <numerusform>Не удалось обновить %n программ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="364"/>
        <source>%n new title(s) in the guide</source>
        <translation>
            <numerusform>%n новый фильм в программе</numerusform>
            <numerusform>%n новых фильма в программе</numerusform>
            <numerusform>%n новых фильмов в программе</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tray/new_sources.py" line="24"/>
        <source>Ways to watch found</source>
        <translation>Нашлось, где посмотреть</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray/new_sources.py" line="25"/>
        <source>«%1»: %n way(s) to watch</source>
        <translation>
            <numerusform>«%1»: %n источник</numerusform>
            <numerusform>«%1»: %n источника</numerusform>
            <numerusform>«%1»: %n источников</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tray/new_sources.py" line="59"/>
        <source>Ways to watch found: «%1»</source>
        <translation>Нашлось, где посмотреть: «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="366"/>
        <source>Guides refreshed</source>
        <translation>Программа обновлена</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="367"/>
        <source>Nothing new in the guide</source>
        <translation>В программе ничего нового</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="412"/>
        <source>refreshing guides…</source>
        <translation>обновление программы…</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="415"/>
        <source>guide refresh failed; next try %1</source>
        <translation>программу не удалось обновить; следующая попытка %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="417"/>
        <source>no TV guides to refresh</source>
        <translation>нет программ передач для обновления</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="421"/>
        <source>guide refresh due</source>
        <translation>скоро обновление программы</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="422"/>
        <source>next guide refresh %1</source>
        <translation>следующее обновление программы %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="431"/>
        <source>at %1</source>
        <translation>в %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="433"/>
        <source>tomorrow at %1</source>
        <translation>завтра в %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="435"/>
        <source>on %1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="443"/>
        <source>Paused: %1</source>
        <translation>На паузе: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="445"/>
        <source>Playing: %1</source>
        <translation>Идёт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="447"/>
        <source>Opening: %1</source>
        <translation>Открывается: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="459"/>
        <source>Hide Cinema</source>
        <translation>Скрыть Cinema</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="459"/>
        <source>Show Cinema</source>
        <translation>Показать Cinema</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="463"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="463"/>
        <source>Play</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>TraySettings</name>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="62"/>
        <source>System tray</source>
        <translation>Системный трей</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="64"/>
        <source>Closing the window keeps Cinema running in the tray</source>
        <translation>Закрытие окна оставляет Cinema в трее</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="65"/>
        <source>Tell me when a background refresh finds new titles</source>
        <translation>Сообщать о новых фильмах после фонового обновления</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/tray_settings.py" line="66"/>
        <source>No system tray was found, so closing the window quits Cinema.</source>
        <translation>Системный трей не найден, поэтому закрытие окна завершает Cinema.</translation>
    </message>
</context>
<context>
    <name>StorageDialog</name>
    <message>
        <location filename="../../app/ui/storage_dialog.py" line="21"/>
        <source>The library database %1 is damaged and cannot be read. It was left as it is: move it away (or restore a backup) and start Cinema again to begin with a new library.</source>
        <translation>База библиотеки %1 повреждена и не читается. Она оставлена как есть: переместите её (или восстановите из резервной копии) и запустите Cinema снова — будет создана новая библиотека.</translation>
    </message>
    <message>
        <location filename="../../app/ui/storage_dialog.py" line="25"/>
        <source>The library database %1 is busy: another Cinema is writing to it. Try again in a moment.</source>
        <translation>База библиотеки %1 занята: в неё пишет другой экземпляр Cinema. Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <location filename="../../app/ui/storage_dialog.py" line="27"/>
        <source>The library database %1 or its folder is read-only. Make the folder writable and start Cinema again.</source>
        <translation>База библиотеки %1 или её папка доступна только для чтения. Разрешите запись в папку и запустите Cinema снова.</translation>
    </message>
</context>
<context>
    <name>AddProviderDialog</name>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="47"/>
        <source>Add a Torznab indexer</source>
        <translation>Добавить индексатор Torznab</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="47"/>
        <source>Add a Stremio addon</source>
        <translation>Добавить дополнение Stremio</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="63"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="64"/>
        <source>URL</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="66"/>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="68"/>
        <source>Check and add</source>
        <translation>Проверить и добавить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="80"/>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
</context>
<context>
    <name>AddVideoDialog</name>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="34"/>
        <source>Add a link</source>
        <translation>Добавить ссылку</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="34"/>
        <source>Add video</source>
        <translation>Добавить видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="37"/>
        <source>A title in your library, or a new one</source>
        <translation>Фильм из библиотеки или новый</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="39"/>
        <source>https://…, magnet:?xt=…, or a file in your folders</source>
        <translation>https://…, magnet:?xt=… или файл из ваших папок</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="45"/>
        <source>Title</source>
        <translation>Фильм</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="46"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="49"/>
        <source>Check and add</source>
        <translation>Проверить и добавить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="63"/>
        <source>Name the title this link belongs to.</source>
        <translation>Укажите фильм, к которому относится ссылка.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="66"/>
        <source>Paste a link first.</source>
        <translation>Сначала вставьте ссылку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="69"/>
        <source>Checking the link…</source>
        <translation>Проверяю ссылку…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="90"/>
        <source>This link is stored already, for «%1».</source>
        <translation>Эта ссылка уже сохранена — для «%1».</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/add_video.py" line="93"/>
        <source>This link cannot be used: %1</source>
        <translation>Эту ссылку нельзя использовать: %1</translation>
    </message>
</context>
<context>
    <name>StreamProvidersSettings</name>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="109"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="113"/>
        <source>Where ways to watch are searched for. Keys are kept in the system keyring. A provider that fails is shown here; the others never wait for it.</source>
        <translation>Где ищутся способы посмотреть. Ключи хранятся в системной связке ключей. Сбойный источник виден здесь; остальные его не ждут.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="122"/>
        <source>Provider</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="122"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="122"/>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="122"/>
        <source>Answered</source>
        <translation>Отвечает</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="123"/>
        <source>Plays</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="123"/>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="123"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="132"/>
        <source>Add indexer…</source>
        <translation>Индексатор…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="134"/>
        <source>Add addon…</source>
        <translation>Дополнение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="136"/>
        <source>Add video…</source>
        <translation>Видео…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="138"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="140"/>
        <source>Scan now</source>
        <translation>Проверить сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="145"/>
        <source>Action log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="175"/>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="174"/>
        <source>working</source>
        <translation>работает</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="175"/>
        <source>failing</source>
        <translation>сбоит</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="176"/>
        <source>not asked yet</source>
        <translation>ещё не спрашивали</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="178"/>
        <location filename="../../app/ui/components/stream_providers.py" line="202"/>
        <source>disabled</source>
        <translation>выключен</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="197"/>
        <source>added</source>
        <translation>добавлен</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="198"/>
        <source>removed</source>
        <translation>удалён</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="199"/>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="200"/>
        <source>recovered</source>
        <translation>снова работает</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="201"/>
        <source>enabled</source>
        <translation>включён</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="210"/>
        <source>Nothing happened yet.</source>
        <translation>Пока ничего не произошло.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="236"/>
        <source>Choose an indexer or an addon to remove.</source>
        <translation>Выберите индексатор или дополнение.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="244"/>
        <source>Asking every provider…</source>
        <translation>Спрашиваю все источники…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/stream_providers.py" line="250"/>
        <source>%1 of %2 providers answered</source>
        <translation>Ответили %1 из %2 источников</translation>
    </message>
</context>
<context>
    <name>TitleSources</name>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="66"/>
        <source>Ways to watch</source>
        <translation>Где посмотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="70"/>
        <source>Why first?</source>
        <translation>Почему первый?</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="73"/>
        <source>Add a link…</source>
        <translation>Добавить ссылку…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="75"/>
        <source>Search again</source>
        <translation>Искать заново</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="91"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="91"/>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="91"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="91"/>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="92"/>
        <source>Seeders</source>
        <translation>Сиды</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="92"/>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="92"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="129"/>
        <source>Searching…</source>
        <translation>Ищу…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="156"/>
        <source>Searching %1 of %2…</source>
        <translation>Ищу: %1 из %2…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/title_sources.py" line="162"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n источник</numerusform>
            <numerusform>%n источника</numerusform>
            <numerusform>%n источников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/title_sources.py" line="164"/>
        <source>%n provider(s) did not answer</source>
        <translation>
            <numerusform>%n источник не ответил</numerusform>
            <numerusform>%n источника не ответили</numerusform>
            <numerusform>%n источников не ответили</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="170"/>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="180"/>
        <source>Dub</source>
        <translation>Дубляж</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/title_sources.py" line="212"/>
        <source>No sources found yet</source>
        <translation>Источники пока не найдены</translation>
    </message>
</context>
<context>
    <name>WhyFirst</name>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="70"/>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="71"/>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="72"/>
        <source>Availability</source>
        <translation>Доступность</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="73"/>
        <source>Subtitles</source>
        <translation>Субтитры</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="74"/>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="79"/>
        <source>full dub</source>
        <translation>полный дубляж</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="79"/>
        <source>multi-voice</source>
        <translation>многоголосый</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="79"/>
        <source>two-voice</source>
        <translation>двухголосый</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="80"/>
        <source>author&apos;s voice-over</source>
        <translation>авторский перевод</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="80"/>
        <source>one voice</source>
        <translation>одноголосый</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="82"/>
        <source>filmed in a cinema (%1)</source>
        <translation>снято в кинотеатре (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="83"/>
        <source>quality not stated</source>
        <translation>качество не указано</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="84"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="85"/>
        <source>%1, above your limit of %2</source>
        <translation>%1 — выше вашего предела %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="88"/>
        <source>%1 GB, above your limit of %2 GB</source>
        <translation>%1 ГБ — больше вашего предела %2 ГБ</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="91"/>
        <source>seeders unknown</source>
        <translation>сиды неизвестны</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="92"/>
        <source>%1 seeders, %2 peers</source>
        <translation>сидов: %1, пиров: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="95"/>
        <source>opens in the browser</source>
        <translation>открывается в браузере</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="96"/>
        <source>measured %1 kbit/s</source>
        <translation>измерено %1 кбит/с</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="97"/>
        <source>TV stream</source>
        <translation>телеканал</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="98"/>
        <source>direct link, not measured yet</source>
        <translation>прямая ссылка, ещё не измерена</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="99"/>
        <source>not on now</source>
        <translation>сейчас не идёт</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="100"/>
        <source>played or checked: %1 % worked</source>
        <translation>по просмотрам и проверкам: работал в %1 % случаев</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="101"/>
        <source>nobody seeds it</source>
        <translation>никто не раздаёт</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="98"/>
        <source>%1 seeders (5 or more is healthy)</source>
        <translation>сидов: %1 (от 5 — надёжно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="102"/>
        <source>not checked yet</source>
        <translation>ещё не проверен</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="103"/>
        <source>subtitles: %1</source>
        <translation>субтитры: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="104"/>
        <source>not needed: the audio is in your language</source>
        <translation>не нужны: звук на вашем языке</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="105"/>
        <source>subtitles, language not stated</source>
        <translation>субтитры, язык не указан</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="106"/>
        <source>subtitles in other languages (%1)</source>
        <translation>субтитры на других языках (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="109"/>
        <source>none stated</source>
        <translation>не указаны</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="110"/>
        <source>any language</source>
        <translation>любой язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="111"/>
        <source>Russian, %1</source>
        <translation>русский, %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="112"/>
        <source>audio in %1</source>
        <translation>звук: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="113"/>
        <source>several audio tracks</source>
        <translation>несколько дорожек</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="114"/>
        <source>original audio only (%1)</source>
        <translation>только оригинал (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="118"/>
        <source>its provider answered %1 % of searches</source>
        <translation>источник отвечает на %1 % запросов</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="129"/>
        <source>Choose a source to see how it was ranked.</source>
        <translation>Выберите источник, чтобы увидеть, как он оценён.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="132"/>
        <source>Why first: %1</source>
        <translation>Почему первый: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="132"/>
        <source>How it ranks: %1</source>
        <translation>Как оценён: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/why_first.py" line="146"/>
        <source>Score: %1</source>
        <translation>Итог: %1</translation>
    </message>
</context>
<context>
    <name>ChannelMappingDialog</name>
    <message>
        <source>Channels of %1</source>
        <translation>Каналы: %1</translation>
    </message>
    <message>
        <source>by tvg-id</source>
        <translation>по tvg-id</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>по названию</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>похожее название</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>выбран вами</translation>
    </message>
    <message>
        <source>no guide (your choice)</source>
        <translation>без программы (ваш выбор)</translation>
    </message>
    <message>
        <source>its playlist's guide</source>
        <translation>программа из плейлиста</translation>
    </message>
    <message>
        <source>no guide found</source>
        <translation>программа не найдена</translation>
    </message>
    <message>
        <source>Only channels without a guide</source>
        <translation>Только каналы без программы</translation>
    </message>
    <message>
        <source>Find a channel</source>
        <translation>Найти канал</translation>
    </message>
    <message>
        <source>Find a guide channel</source>
        <translation>Найти канал в программе</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>No guide</source>
        <translation>Без программы</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Forget your choice: match this channel automatically again</source>
        <translation>Забыть ваш выбор: подбирать программу для канала автоматически</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Playlist channels</source>
        <translation>Каналы плейлиста</translation>
    </message>
    <message>
        <source>Guide channels</source>
        <translation>Каналы телепрограммы</translation>
    </message>
    <message>
        <source>%1 of %2 channels have a guide</source>
        <translation>С программой %1 из %2 каналов</translation>
    </message>
    <message>
        <source>no guide is paired with this playlist yet</source>
        <translation>к плейлисту пока не привязана телепрограмма</translation>
    </message>
</context>
<context>
    <name>LiveControls</name>
    <message>
        <source>Go live</source>
        <translation>В прямой эфир</translation>
    </message>
    <message>
        <source>Back to the live broadcast (End)</source>
        <translation>Вернуться в прямой эфир (End)</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Сейчас: %1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Далее: %1</translation>
    </message>
    <message>
        <source>TIMESHIFT −%1</source>
        <translation>СДВИГ −%1</translation>
    </message>
    <message>
        <source>ARCHIVE</source>
        <translation>АРХИВ</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● ЭФИР</translation>
    </message>
    <message>
        <source>This channel keeps no archive: only live</source>
        <translation>У этого канала нет архива: только прямой эфир</translation>
    </message>
    <message>
        <source>The archive of this channel cannot be opened</source>
        <translation>Архив этого канала не открывается</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Watch</source>
        <translation>Смотреть</translation>
    </message>
    <message>
        <source>Open the title</source>
        <translation>Открыть фильм</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>«%1» starts at %2 on %3</source>
        <translation>«%1» начнётся в %2 на канале %3</translation>
    </message>
    <message>
        <source>«%1» is on now on %2</source>
        <translation>«%1» идёт сейчас на канале %2</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>From your watchlist: «%1» on %2 at %3</source>
        <translation>Из «Буду смотреть»: «%1» на канале %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>and %n more airing(s)</source>
        <translation>
            <numerusform>и ещё %n показ</numerusform>
            <numerusform>и ещё %n показа</numerusform>
            <numerusform>и ещё %n показов</numerusform>
        </translation>
    </message>
    <message>
        <source>New on TV</source>
        <translation>Новое в эфире</translation>
    </message>
</context>
<context>
    <name>TvPage</name>
    <message>
        <source>TV</source>
        <translation>ТВ</translation>
    </message>
    <message>
        <source>Find a channel</source>
        <translation>Найти канал</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Open the title</source>
        <translation>Открыть фильм</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Напомнить</translation>
    </message>
    <message>
        <source>No TV channels yet. Add your IPTV playlist (M3U) and its guide in Settings.</source>
        <translation>Телеканалов пока нет. Добавьте IPTV-плейлист (M3U) и телепрограмму в настройках.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Открыть настройки</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Избранные</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>★ In favourites</source>
        <translation>★ В избранном</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ В избранное</translation>
    </message>
    <message>
        <source>No guide for this time</source>
        <translation>Нет программы на это время</translation>
    </message>
    <message>
        <source>▶  Watch live</source>
        <translation>▶  Смотреть эфир</translation>
    </message>
    <message>
        <source>⟲  Play from the archive</source>
        <translation>⟲  Смотреть из архива</translation>
    </message>
    <message>
        <source>This channel keeps no archive of it</source>
        <translation>У этого канала нет архива этой передачи</translation>
    </message>
    <message numerus="yes">
        <source>A reminder %n minute(s) before it starts</source>
        <translation>
            <numerusform>Напомню за %n минуту до начала</numerusform>
            <numerusform>Напомню за %n минуты до начала</numerusform>
            <numerusform>Напомню за %n минут до начала</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TvSettings</name>
    <message>
        <source>TV</source>
        <translation>ТВ</translation>
    </message>
    <message>
        <source>Use this guide</source>
        <translation>Взять эту программу</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>Channels…</source>
        <translation>Каналы…</translation>
    </message>
    <message>
        <source>Which guide channel each playlist channel shows</source>
        <translation>Какой канал телепрограммы показывает каждый канал плейлиста</translation>
    </message>
    <message>
        <source>this computer's, e.g. Europe/Moscow</source>
        <translation>как на компьютере, например Europe/Moscow</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Плейлист</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Телепрограмма</translation>
    </message>
    <message>
        <source>Archive starts</source>
        <translation>Архив начинается за</translation>
    </message>
    <message>
        <source>min before a programme, ends</source>
        <translation>мин до передачи, заканчивается через</translation>
    </message>
    <message>
        <source>min after it</source>
        <translation>мин после неё</translation>
    </message>
    <message>
        <source>Reminders come</source>
        <translation>Напоминать за</translation>
    </message>
    <message>
        <source>min before the start</source>
        <translation>мин до начала</translation>
    </message>
    <message>
        <source>Time zone of archive links</source>
        <translation>Часовой пояс ссылок на архив</translation>
    </message>
    <message>
        <source>unknown time zone: this computer's is used</source>
        <translation>неизвестный пояс: берётся пояс компьютера</translation>
    </message>
    <message>
        <source>Add a playlist (M3U) above to watch TV.</source>
        <translation>Чтобы смотреть ТВ, добавьте выше плейлист (M3U).</translation>
    </message>
    <message>
        <source>No separate guide is linked to this playlist.</source>
        <translation>К этому плейлисту не привязана отдельная телепрограмма.</translation>
    </message>
    <message>
        <source>linked automatically</source>
        <translation>привязана автоматически</translation>
    </message>
    <message>
        <source>linked by you</source>
        <translation>привязана вами</translation>
    </message>
    <message>
        <source>Its guide: %1</source>
        <translation>Его телепрограмма: %1</translation>
    </message>
    <message>
        <source>Matching the channels…</source>
        <translation>Сопоставляю каналы…</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) matched with the guide</source>
        <translation>
            <numerusform>С программой сопоставлен %n канал</numerusform>
            <numerusform>С программой сопоставлены %n канала</numerusform>
            <numerusform>С программой сопоставлено %n каналов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TvWays</name>
    <message numerus="yes">
        <source>and %n more in the archive</source>
        <translation>
            <numerusform>и ещё %n в архиве</numerusform>
            <numerusform>и ещё %n в архиве</numerusform>
            <numerusform>и ещё %n в архиве</numerusform>
        </translation>
    </message>
    <message>
        <source>not in your playlists</source>
        <translation>нет в ваших плейлистах</translation>
    </message>
    <message>
        <source>Looking at the TV guide…</source>
        <translation>Смотрю телепрограмму…</translation>
    </message>
    <message>
        <source>Not in the TV guide this week</source>
        <translation>На этой неделе нет в телепрограмме</translation>
    </message>
    <message>
        <source>On air now</source>
        <translation>Сейчас в эфире</translation>
    </message>
    <message>
        <source>▶ Live</source>
        <translation>▶ Эфир</translation>
    </message>
    <message>
        <source>⟲ From the start</source>
        <translation>⟲ С начала</translation>
    </message>
    <message>
        <source>▶ Archive</source>
        <translation>▶ Из архива</translation>
    </message>
    <message>
        <source>✓ Reminder set</source>
        <translation>✓ Напомню</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Напомнить</translation>
    </message>
    <message>
        <source>✓ Opens live at %1</source>
        <translation>✓ Включу в %1</translation>
    </message>
    <message>
        <source>Watch live at %1</source>
        <translation>Смотреть в эфире в %1</translation>
    </message>
</context>
<context>
    <name>SourcePreferences</name>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>No limit</source>
        <translation>Без предела</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source> GB</source>
        <translation> ГБ</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>the interface language&apos;s, e.g. ru, en</source>
        <translation>язык интерфейса, например ru, en</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>the interface language&apos;s, then en</source>
        <translation>язык интерфейса, затем en</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>Best quality to prefer</source>
        <translation>Лучшее качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>Largest size</source>
        <translation>Наибольший размер</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>Audio languages</source>
        <translation>Языки звука</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/source_preferences.py" line="1"/>
        <source>Subtitle languages</source>
        <translation>Языки субтитров</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="31"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="34"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
</context>
<context>
    <name>EverywhereBar</name>
    <message>
        <location filename="../../app/ui/components/library_ui.py" line="46"/>
        <source>Not in your library?</source>
        <translation>Нет в вашей библиотеке?</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/library_ui.py" line="60"/>
        <source>Search TMDB and Shikimori for “%1”</source>
        <translation>Искать «%1» в TMDB и Shikimori</translation>
    </message>
</context>
<context>
    <name>EverywherePage</name>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="40"/>
        <source>← Back</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="69"/>
        <source>Everywhere: “%1”</source>
        <translation>Везде: «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="70"/>
        <source>Asking TMDB and Shikimori…</source>
        <translation>Спрашиваем TMDB и Shikimori…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="80"/>
        <source>%1 found. Open one to add it to your watchlist or look for ways to watch it.</source>
        <translation>Найдено: %1. Откройте любое, чтобы добавить в «Буду смотреть» или найти, где посмотреть.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="83"/>
        <source>Nothing found on TMDB or Shikimori.</source>
        <translation>В TMDB и Shikimori ничего не нашлось.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="86"/>
        <source>%1 did not answer: %2</source>
        <translation>%1 не ответил: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/everywhere_page.py" line="100"/>
        <source>Fetching “%1”…</source>
        <translation>Загружаем «%1»…</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="113"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="117"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="119"/>
        <source>Clear history…</source>
        <translation>Очистить историю…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="123"/>
        <source>Nothing played yet. What you watch shows up here, day by day.</source>
        <translation>Пока ничего не смотрели. Здесь по дням появится всё, что вы смотрите.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="172"/>
        <source>%1 plays, %2 watched</source>
        <translation>Просмотров: %1, всего %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="184"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="186"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="220"/>
        <source>Clear history</source>
        <translation>Очистить историю</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="222"/>
        <source>Remove everything from this profile&apos;s history? Watched marks stay; resume points of unfinished items go.</source>
        <translation>Удалить всю историю этого профиля? Отметки «просмотрено» останутся, места остановки недосмотренного удалятся.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="225"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="230"/>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="234"/>
        <source>Export the history</source>
        <translation>Экспорт истории</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="236"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="236"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="248"/>
        <source>Wrote %1 entries to %2</source>
        <translation>Записано записей: %1 в %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="251"/>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="60"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="65"/>
        <source>played %1</source>
        <translation>смотрели %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="82"/>
        <source>Play again</source>
        <translation>Смотреть снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="82"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="84"/>
        <source>Watched ✓</source>
        <translation>Просмотрено ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="84"/>
        <source>Mark watched</source>
        <translation>Отметить просмотренным</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/history_page.py" line="90"/>
        <source>Remove from history</source>
        <translation>Удалить из истории</translation>
    </message>
</context>
<context>
    <name>LibraryUi</name>
    <message>
        <location filename="../../app/ui/components/library_ui.py" line="91"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/library_ui.py" line="92"/>
        <source>Playlists</source>
        <translation>Плейлисты</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/library_ui.py" line="243"/>
        <source>%1&apos;s interface language applies from the next start.</source>
        <translation>Язык интерфейса профиля «%1» включится при следующем запуске.</translation>
    </message>
    <message>
        <source>Nothing rated for ages up to %1 yet. A kids&apos; profile shows only titles whose age rating is known; they come with the metadata from TMDB and Shikimori.</source>
        <translation>Пока нет ничего с рейтингом до %1. Детский профиль показывает только фильмы с известным возрастным рейтингом — он приходит вместе с данными из TMDB и Shikimori.</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="27"/>
        <source>PIN for %1</source>
        <translation>PIN для «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="30"/>
        <source>4 to 8 digits. It is asked for when someone opens this profile.</source>
        <translation>От 4 до 8 цифр. Его спросят, когда кто-то откроет этот профиль.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="34"/>
        <source>New PIN</source>
        <translation>Новый PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="35"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="50"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN — это от 4 до 8 цифр.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="53"/>
        <source>The two PINs differ.</source>
        <translation>PIN-коды не совпадают.</translation>
    </message>
</context>
<context>
    <name>NextUpPanel</name>
    <message>
        <location filename="../../app/ui/components/play_queue.py" line="41"/>
        <source>Play now</source>
        <translation>Смотреть сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_queue.py" line="43"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
</context>
<context>
    <name>PlayQueue</name>
    <message>
        <location filename="../../app/ui/components/play_queue.py" line="145"/>
        <source>Nothing to play for “%1”.</source>
        <translation>Для «%1» нечего воспроизвести.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_queue.py" line="158"/>
        <source>Could not play “%1”.</source>
        <translation>Не удалось воспроизвести «%1».</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_queue.py" line="185"/>
        <source>Up next in %1 s</source>
        <translation>Следующее через %1 с</translation>
    </message>
</context>
<context>
    <name>PlaylistAdder</name>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="37"/>
        <source>Loading playlists…</source>
        <translation>Загружаем плейлисты…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="48"/>
        <source>New playlist…</source>
        <translation>Новый плейлист…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="60"/>
        <source>Added to “%1”</source>
        <translation>Добавлено в «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="61"/>
        <source>Could not add: %1</source>
        <translation>Не удалось добавить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="66"/>
        <source>New playlist</source>
        <translation>Новый плейлист</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/playlist_menu.py" line="67"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Add to playlist</source>
        <translation>В плейлист</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>PlaylistsPage</name>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="72"/>
        <source>Playlists</source>
        <translation>Плейлисты</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="74"/>
        <source>New playlist…</source>
        <translation>Новый плейлист…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="76"/>
        <source>Import M3U…</source>
        <translation>Импорт M3U…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="85"/>
        <source>Play all</source>
        <translation>Смотреть все</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="88"/>
        <source>Shuffle</source>
        <translation>Вперемешку</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="90"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="92"/>
        <source>Export M3U…</source>
        <translation>Экспорт M3U…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="94"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="100"/>
        <source>Remove from playlist</source>
        <translation>Убрать из плейлиста</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="103"/>
        <source>Drag items to change the order. Add titles from a title&apos;s page or the grid&apos;s menu.</source>
        <translation>Перетаскивайте, чтобы изменить порядок. Добавлять можно со страницы фильма или из меню в сетке.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="110"/>
        <source>No playlists yet. Create one, or import an M3U file.</source>
        <translation>Плейлистов пока нет. Создайте новый или импортируйте файл M3U.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="210"/>
        <source>title</source>
        <translation>фильм</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="252"/>
        <source>New playlist</source>
        <translation>Новый плейлист</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="253"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="266"/>
        <source>Rename playlist</source>
        <translation>Переименовать плейлист</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="285"/>
        <source>Delete playlist</source>
        <translation>Удалить плейлист</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="286"/>
        <source>Delete the playlist “%1”? The titles stay in the library.</source>
        <translation>Удалить плейлист «%1»? Фильмы останутся в библиотеке.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="287"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="302"/>
        <source>Export as M3U</source>
        <translation>Экспорт в M3U</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="304"/>
        <source>Playlists (*.m3u *.m3u8)</source>
        <translation>Плейлисты (*.m3u *.m3u8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="317"/>
        <source>Wrote %1 items to %2</source>
        <translation>Записано элементов: %1 в %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="323"/>
        <source>Import an M3U playlist</source>
        <translation>Импорт плейлиста M3U</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="325"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="339"/>
        <source>Imported %1 items into “%2”.</source>
        <translation>Импортировано элементов: %1 в «%2».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="345"/>
        <source>line %1: </source>
        <translation>строка %1: </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="349"/>
        <source>Skipped:</source>
        <translation>Пропущено:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/playlists_page.py" line="351"/>
        <source>and %1 more.</source>
        <translation>и ещё %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/playlists_page.py" line="203"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n элемент</numerusform>
            <numerusform>%n элемента</numerusform>
            <numerusform>%n элементов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileButton</name>
    <message>
        <location filename="../../app/ui/components/profile_button.py" line="41"/>
        <source>Profile: %1</source>
        <translation>Профиль: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_button.py" line="45"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_button.py" line="52"/>
        <source>Switch profile</source>
        <translation>Сменить профиль</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_button.py" line="62"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_button.py" line="63"/>
        <source>Manage profiles…</source>
        <translation>Профили…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Плейлисты</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="89"/>
        <source>Who&apos;s watching?</source>
        <translation>Кто смотрит?</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="106"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="108"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="126"/>
        <source>Manage profiles…</source>
        <translation>Профили…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="130"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="201"/>
        <source>Enter the PIN of %1</source>
        <translation>Введите PIN профиля «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="227"/>
        <source>Too many wrong PINs: try again in %1 s.</source>
        <translation>Слишком много неверных PIN: попробуйте через %1 с.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="233"/>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN.</translation>
    </message>
</context>
<context>
    <name>ProfileTile</name>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="52"/>
        <source>Kids %1</source>
        <translation>Детский %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/profile_picker.py" line="54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="79"/>
        <source>Profiles</source>
        <translation>Профили</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="82"/>
        <source>Each profile has its own progress, history, watchlist, playlists and reminders.</source>
        <translation>У каждого профиля свои места остановки, история, «Буду смотреть», плейлисты и напоминания.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="85"/>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="103"/>
        <source>Kids&apos; profile: hide titles above an age rating</source>
        <translation>Детский профиль: скрывать фильмы старше возрастного рейтинга</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="109"/>
        <source>Titles whose rating is unknown are hidden too.</source>
        <translation>Фильмы без известного рейтинга тоже скрываются.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="114"/>
        <source>Remove the PIN</source>
        <translation>Убрать PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="123"/>
        <source>No limit</source>
        <translation>Без предела</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="132"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="135"/>
        <source>Switch to this profile</source>
        <translation>Перейти в этот профиль</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="137"/>
        <source>Delete profile…</source>
        <translation>Удалить профиль…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="159"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="163"/>
        <source>Letter</source>
        <translation>Буква</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="166"/>
        <source>Avatar</source>
        <translation>Аватар</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="172"/>
        <source>Kids</source>
        <translation>Дети</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="180"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="181"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="182"/>
        <source>Audio language</source>
        <translation>Язык звука</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="183"/>
        <source>Subtitle language</source>
        <translation>Язык субтитров</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="184"/>
        <source>Best quality to pick</source>
        <translation>Лучшее качество</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="185"/>
        <source>Largest download</source>
        <translation>Наибольший размер</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="223"/>
        <source>As in Settings</source>
        <translation>Как в настройках</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="239"/>
        <source>  (now)</source>
        <translation>  (сейчас)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="264"/>
        <source>Set</source>
        <translation>Задан</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="264"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="265"/>
        <source>Change the PIN…</source>
        <translation>Сменить PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="265"/>
        <source>Set a PIN…</source>
        <translation>Задать PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="335"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="389"/>
        <source>The last profile cannot be deleted: create another one first.</source>
        <translation>Последний профиль удалить нельзя: сначала создайте другой.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="392"/>
        <source>Delete “%1”? Its progress, history, watchlist, playlists and reminders are deleted with it.</source>
        <translation>Удалить «%1»? Вместе с ним удалятся места остановки, история, «Буду смотреть», плейлисты и напоминания.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="397"/>
        <source>Delete profile</source>
        <translation>Удалить профиль</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/profiles_page.py" line="397"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="49"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="53"/>
        <source>Export history (CSV)…</source>
        <translation>Экспорт истории (CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="55"/>
        <source>Export history (JSON)…</source>
        <translation>Экспорт истории (JSON)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="66"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="67"/>
        <source>Plays</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="68"/>
        <source>Watched</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="69"/>
        <source>Worked</source>
        <translation>Удачно</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="70"/>
        <source>First frame</source>
        <translation>Первый кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="75"/>
        <source>No statistics yet: watch something first.</source>
        <translation>Статистики пока нет: сначала что-нибудь посмотрите.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="80"/>
        <source>Watch time per week</source>
        <translation>Время просмотра по неделям</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="81"/>
        <source>Genres</source>
        <translation>Жанры</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="82"/>
        <source>Most watched</source>
        <translation>Чаще всего</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="84"/>
        <source>“Worked”: playbacks that started, out of all tried (every profile&apos;s).</source>
        <translation>«Удачно»: запуски, которые начали показывать, из всех попыток (всех профилей).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="92"/>
        <source>Sources used</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="126"/>
        <source>%1 watched in %2 plays · %3 titles marked watched</source>
        <translation>%1 за %2 просмотров · просмотрено фильмов: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="153"/>
        <source>%1% of %2</source>
        <translation>%1% из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="158"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="162"/>
        <source>other (files, links)</source>
        <translation>другое (файлы, ссылки)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="168"/>
        <source>Export the history</source>
        <translation>Экспорт истории</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="170"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="170"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/stats_page.py" line="182"/>
        <source>Wrote %1 entries to %2</source>
        <translation>Записано записей: %1 в %2</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="73"/>
        <source>PIN of %1</source>
        <translation>PIN профиля «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="85"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="104"/>
        <source>Too many wrong PINs: try again in %1 s.</source>
        <translation>Слишком много неверных PIN: попробуйте через %1 с.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/pin_dialog.py" line="107"/>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN.</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>A video file, a link (http, rtsp …), a magnet link, a .torrent file or subtitles:</source>
        <translation>Видеофайл, ссылка (http, rtsp …), magnet-ссылка, .torrent-файл или субтитры:</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Paste a link or a magnet, or choose a file</source>
        <translation>Вставьте ссылку или magnet или выберите файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>This is not a video, a link, a torrent or subtitles.</source>
        <translation>Это не видео, не ссылка, не торрент и не субтитры.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Open a file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Videos, torrents and subtitles (%1)</source>
        <translation>Видео, торренты и субтитры (%1)</translation>
    </message>
</context>
<context>
    <name>OpenAnything</name>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>The clipboard holds no link or file to open.</source>
        <translation>В буфере обмена нет ссылки или файла, которые можно открыть.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Playing the first of %1 items.</source>
        <translation>Воспроизводится первый из %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Cinema cannot open «%1»: it is not a video, a link, a torrent or subtitles.</source>
        <translation>Cinema не может открыть «%1»: это не видео, не ссылка, не торрент и не субтитры.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/open_anything.py"/>
        <source>Subtitles are added to what plays: start a video, then drop them on it.</source>
        <translation>Субтитры добавляются к тому, что играет: запустите видео и перетащите их на него.</translation>
    </message>
</context>
<context>
    <name>SubtitleSearchDialog</name>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Find subtitles</source>
        <translation>Найти субтитры</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Searching…</source>
        <translation>Идёт поиск…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Release</source>
        <translation>Релиз</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Downloads</source>
        <translation>Скачиваний</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Fits this file</source>
        <translation>Под этот файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Search again</source>
        <translation>Искать снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Nothing plays: start a video first.</source>
        <translation>Ничего не играет: сначала запустите видео.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>downloaded before</source>
        <translation>скачаны раньше</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>machine translated</source>
        <translation>машинный перевод</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Found: %1 (languages: %2).</source>
        <translation>Найдено: %1 (языки: %2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>No subtitles found in %1.</source>
        <translation>Субтитров не нашлось (языки: %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Today's OpenSubtitles downloads are used up.</source>
        <translation>Лимит скачиваний OpenSubtitles на сегодня исчерпан.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>They come back: %1.</source>
        <translation>Он восстановится: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Subtitles downloaded before still load.</source>
        <translation>Скачанные раньше субтитры по-прежнему загружаются.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Add your OpenSubtitles key in Settings › Keys and accounts.</source>
        <translation>Добавьте ключ OpenSubtitles в «Настройки › Ключи и учётные записи».</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>OpenSubtitles refused the key: %1</source>
        <translation>OpenSubtitles не принял ключ: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Downloading…</source>
        <translation>Скачивание…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/subtitle_search.py"/>
        <source>Loaded: %1</source>
        <translation>Загружено: %1</translation>
    </message>
</context>
<context>
    <name>KeysSettings</name>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✓ Works.</source>
        <translation>✓ Работает.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✗ The key was refused: %1</source>
        <translation>✗ Ключ не принят: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✗ The key was refused (HTTP %1).</source>
        <translation>✗ Ключ не принят (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✗ The service could not be reached: %1</source>
        <translation>✗ Сервис недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✓ The key works, but today's allowance is used up: %1</source>
        <translation>✓ Ключ работает, но лимит на сегодня исчерпан: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>The service asks to wait a moment: %1</source>
        <translation>Сервис просит немного подождать: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Enter a key first.</source>
        <translation>Сначала введите ключ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Keys and accounts</source>
        <translation>Ключи и учётные записи</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Kept in the system keyring, never in files. TMDB: themoviedb.org › Settings › API › API Read Access Token. OpenSubtitles: opensubtitles.com › API consumers. Indexers are added under Sources; their keys can be changed here.</source>
        <translation>Хранятся в системной связке ключей, никогда в файлах. TMDB: themoviedb.org › Settings › API › API Read Access Token. OpenSubtitles: opensubtitles.com › API consumers. Индексаторы добавляются в разделе «Источники», их ключи можно сменить здесь.</translation>
    </message>
</context>
<context>
    <name>KeyRow</name>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>%1 key</source>
        <translation>Ключ %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>•••••••• kept in the keyring (type to replace)</source>
        <translation>•••••••• хранится в связке ключей (введите, чтобы заменить)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Trying the key…</source>
        <translation>Проверяю ключ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Enter a key first.</source>
        <translation>Сначала введите ключ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Saved in the keyring.</source>
        <translation>Сохранён в связке ключей.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/keys_settings.py"/>
        <source>Removed from the keyring.</source>
        <translation>Удалён из связки ключей.</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Downloads</source>
        <translation>Загрузки</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Progress</source>
        <translation>Загружено</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Peers</source>
        <translation>Пиры</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Nothing here yet. Torrents you play stay in the cache while it has room; Keep for offline downloads one to the end and keeps it outside the cap.</source>
        <translation>Пока пусто. Просмотренные торренты остаются в кэше, пока в нём есть место; «Сохранить офлайн» докачивает торрент до конца и держит его вне лимита кэша.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Keep for offline</source>
        <translation>Сохранить офлайн</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>The cache holds %1 of its %2 cap.</source>
        <translation>В кэше %1 из %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Kept for offline: %1 (outside the cap).</source>
        <translation>Сохранено офлайн: %1 (вне лимита).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Playing</source>
        <translation>Играет</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Downloading</source>
        <translation>Загружается</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Asking peers for the file list</source>
        <translation>Запрашиваю у пиров список файлов</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Paused</source>
        <translation>На паузе</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>In the cache</source>
        <translation>В кэше</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Could not read the downloads: %1</source>
        <translation>Не удалось прочитать загрузки: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Keeping «%1» for offline: it downloads to the end.</source>
        <translation>«%1» сохраняется офлайн: докачивается до конца.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Remove «%1» from Downloads?</source>
        <translation>Удалить «%1» из загрузок?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Remove with the files</source>
        <translation>Удалить вместе с файлами</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Remove, move the files to Videos</source>
        <translation>Удалить, а файлы перенести в «Видео»</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Removed; the files are in %1</source>
        <translation>Удалено; файлы в %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Removed.</source>
        <translation>Удалено.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/components/downloads_ui.py"/>
        <source>Downloads</source>
        <translation>Загрузки</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Welcome to Cinema</source>
        <translation>Добро пожаловать в Cinema</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Cinema finds the films in your TV provider's guide, matches them to TMDB and Shikimori and shows them as posters, with every way to watch them. Fill in what you have: each line is checked as you enter it. Everything here can be changed later in Settings.</source>
        <translation>Cinema находит фильмы в телепрограмме вашего провайдера, сопоставляет их с TMDB и Shikimori и показывает постерами со всеми способами посмотреть. Заполните то, что есть: каждая строка проверяется, как только вы её ввели. Всё это можно поменять потом в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Your TV provider</source>
        <translation>Ваш ТВ-провайдер</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Playlist (M3U) URL</source>
        <translation>Адрес плейлиста (M3U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>TV guide (XMLTV) URL or file</source>
        <translation>Телепрограмма (XMLTV): адрес или файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Posters and descriptions</source>
        <translation>Постеры и описания</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>TMDB token</source>
        <translation>Токен TMDB</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>API Read Access Token</source>
        <translation>API Read Access Token</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Free at themoviedb.org › Settings › API. Without it anime still get Shikimori's posters; films keep their guide text until you add it.</source>
        <translation>Бесплатно на themoviedb.org › Settings › API. Без него аниме всё равно получат постеры Shikimori, а у фильмов останется текст из программы, пока вы его не добавите.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Optional: more ways to watch</source>
        <translation>Необязательно: другие способы посмотреть</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Torznab indexer URL</source>
        <translation>Адрес индексатора Torznab</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>its API key</source>
        <translation>его API-ключ</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Stremio addon URL</source>
        <translation>Адрес дополнения Stremio</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Until your guide brings films, the demo library (classic films and a sample video) stays. It steps aside by itself; bring it back any time in Settings › Demo library. This welcome is there too: Settings › Show the welcome again.</source>
        <translation>Пока в вашей программе нет фильмов, остаётся демо-библиотека (классические фильмы и пример видео). Потом она уйдёт сама; вернуть её можно в любой момент в «Настройки › Демо-библиотека». Это приветствие тоже там: «Настройки › Показать приветствие снова».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Checking…</source>
        <translation>Проверяю…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>nothing was read</source>
        <translation>ничего не прочитано</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>✓ %1 channels, %2 programmes, %3 films.</source>
        <translation>✓ Каналов: %1, передач: %2, фильмов: %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Saved in the keyring.</source>
        <translation>Сохранён в связке ключей.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>Enter the indexer's API key too.</source>
        <translation>Введите и API-ключ индексатора.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>✓ Added: %1</source>
        <translation>✓ Добавлено: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>A TV guide file</source>
        <translation>Файл телепрограммы</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>TV guides (*.xml *.xml.gz *.xz *.gz *.m3u *.m3u8 *.json)</source>
        <translation>Телепрограммы (*.xml *.xml.gz *.xz *.gz *.m3u *.m3u8 *.json)</translation>
    </message>
</context>
<context>
    <name>TopBarFit</name>
    <message>
        <location filename="../../app/ui/components/top_bar_fit.py"/>
        <source>More ▾</source>
        <translation>Ещё ▾</translation>
    </message>
</context>
<context>
    <name>Ways</name>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Direct link</source>
        <translation>Прямая ссылка</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Torrent</source>
        <translation>Торрент</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Live</source>
        <translation>Эфир</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>From the start</source>
        <translation>С начала</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Timeshift</source>
        <translation>Сдвиг</translation>
    </message>
    <message>
        <location filename="../../app/ui/localized.py"/>
        <source>Web page</source>
        <translation>Веб-страница</translation>
    </message>
</context>
<context>
    <name>LanguageSetting</name>
    <message>
        <location filename="../../app/ui/components/language_setting.py"/>
        <source>Restart now</source>
        <translation>Перезапустить сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/language_setting.py"/>
        <source>Cinema will speak the chosen language from its next start, or restart it now.</source>
        <translation>Cinema заговорит на выбранном языке со следующего запуска — или перезапустите её сейчас.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings_page.py"/>
        <source>Show the welcome again</source>
        <translation>Показать приветствие снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings_page.py"/>
        <source>The demo library stepped aside when your own guide brought films.</source>
        <translation>Демо-библиотека ушла, когда в вашей программе появились фильмы.</translation>
    </message>
</context>
<context>
    <name>PlayerMenus</name>
    <message>
        <location filename="../../app/ui/components/player_menus.py"/>
        <source>Find subtitles online…</source>
        <translation>Найти субтитры в интернете…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>connection refused</source>
        <translation>соединение отклонено</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation>неизвестное имя сервера</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>нет ответа вовремя</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>соединение сброшено</translation>
    </message>
    <message>
        <source>no route to it</source>
        <translation>нет маршрута</translation>
    </message>
    <message>
        <source>a secure connection could not be made</source>
        <translation>не удалось установить защищённое соединение</translation>
    </message>
    <message>
        <source>cannot reach %1 (%2)</source>
        <translation>не удаётся связаться с %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/pages/welcome_page.py"/>
        <source>But it could not be kept: %1</source>
        <translation>Но сохранить его не удалось: %1</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <location filename="../../app/ui/pages/downloads_page.py"/>
        <source>Kept for offline: it downloads to the end.</source>
        <translation>Сохраняется офлайн: докачивается до конца.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="28"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунду</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="30"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минуту</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="31"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="38"/>
        <source>Off: this library is on this device only.</source>
        <translation>Выключена: библиотека только на этом устройстве.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="41"/>
        <source>Connecting to the library server…</source>
        <translation>Подключение к серверу библиотеки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="44"/>
        <source>Synced at %1; nothing waits on this device.</source>
        <translation>Синхронизировано в %1; на этом устройстве ничего не ждёт отправки.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="47"/>
        <source>Synced; nothing waits on this device.</source>
        <translation>Синхронизировано; на этом устройстве ничего не ждёт отправки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="49"/>
        <source>Sending %n change(s) to the library server…</source>
        <translation>
            <numerusform>Отправка %n изменения на сервер библиотеки…</numerusform>
            <numerusform>Отправка %n изменений на сервер библиотеки…</numerusform>
            <numerusform>Отправка %n изменений на сервер библиотеки…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="52"/>
        <source>Offline: the library server does not answer. Nothing waits; Cinema keeps trying.</source>
        <translation>Нет связи: сервер библиотеки не отвечает. Отправлять нечего; Cinema пробует снова.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="53"/>
        <source>Offline: %n change(s) wait on this device and go when the server answers</source>
        <translation>
            <numerusform>Нет связи: %n изменение ждёт на этом устройстве и уйдёт, когда сервер ответит</numerusform>
            <numerusform>Нет связи: %n изменения ждут на этом устройстве и уйдут, когда сервер ответит</numerusform>
            <numerusform>Нет связи: %n изменений ждут на этом устройстве и уйдут, когда сервер ответит</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="54"/>
        <source>the oldest for %1</source>
        <translation>самое давнее ждёт %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="57"/>
        <source>The library server has an older schema. Upgrade it to sync (devices with an older Cinema will then need an update).</source>
        <translation>У сервера библиотеки старая схема. Обновите её, чтобы синхронизировать (устройствам со старой версией Cinema тогда понадобится обновление).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="61"/>
        <source>Not syncing: %n change(s) wait on this device.</source>
        <translation>
            <numerusform>Синхронизация остановлена: %n изменение ждёт на этом устройстве.</numerusform>
            <numerusform>Синхронизация остановлена: %n изменения ждут на этом устройстве.</numerusform>
            <numerusform>Синхронизация остановлена: %n изменений ждут на этом устройстве.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="62"/>
        <source>Not syncing.</source>
        <translation>Синхронизация остановлена.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="71"/>
        <source>Library synced</source>
        <translation>Библиотека синхронизирована</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="73"/>
        <source>Library: sending %n change(s)</source>
        <translation>
            <numerusform>Библиотека: отправка %n изменения</numerusform>
            <numerusform>Библиотека: отправка %n изменений</numerusform>
            <numerusform>Библиотека: отправка %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="76"/>
        <source>Library: connecting…</source>
        <translation>Библиотека: подключение…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_words.py" line="80"/>
        <source>Library offline: %n change(s) waiting</source>
        <translation>
            <numerusform>Библиотека без связи: ждёт %n изменение</numerusform>
            <numerusform>Библиотека без связи: ждут %n изменения</numerusform>
            <numerusform>Библиотека без связи: ждут %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="79"/>
        <source>Library offline</source>
        <translation>Библиотека без связи</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="82"/>
        <source>Library server needs an upgrade</source>
        <translation>Серверу библиотеки нужно обновление</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="83"/>
        <source>Library not syncing: see Settings</source>
        <translation>Библиотека не синхронизируется: см. Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="91"/>
        <source>The library server %1 does not answer: %2</source>
        <translation>Сервер библиотеки %1 не отвечает: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="92"/>
        <source>The library server refused the password for user “%1”.</source>
        <translation>Сервер библиотеки не принял пароль пользователя «%1».</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="94"/>
        <source>The library server has no user “%1”.</source>
        <translation>На сервере библиотеки нет пользователя «%1».</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="95"/>
        <source>The library server has no database “%1”: create it first.</source>
        <translation>На сервере библиотеки нет базы «%1»: сначала создайте её.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="97"/>
        <source>TLS with the library server failed (sslmode=%1): %2</source>
        <translation>TLS-соединение с сервером библиотеки не удалось (sslmode=%1): %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="99"/>
        <source>The library server refused a change: %1</source>
        <translation>Сервер библиотеки отклонил изменение: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="101"/>
        <source>The library server %1 is busy with another device&apos;s changes; trying again.</source>
        <translation>Сервер библиотеки %1 занят изменениями другого устройства; попробуем снова.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="103"/>
        <source>The user “%1” may not change the library&apos;s tables: %2</source>
        <translation>Пользователю «%1» нельзя менять таблицы библиотеки: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="104"/>
        <source>The library server %1 failed: %2</source>
        <translation>Ошибка сервера библиотеки %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="107"/>
        <source>The library server&apos;s schema (%1) is newer than this Cinema knows (%2): another device upgraded it. Update Cinema on this device.</source>
        <translation>Схема сервера библиотеки (%1) новее, чем знает эта версия Cinema (%2): её обновило другое устройство. Обновите Cinema на этом устройстве.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="107"/>
        <source>The library server&apos;s schema (%1) is older than this Cinema&apos;s (%2). Upgrading it makes devices with an older Cinema refuse it until they are updated.</source>
        <translation>Схема сервера библиотеки (%1) старше, чем у этой версии Cinema (%2). После обновления устройства со старой версией Cinema откажутся с ним работать, пока их не обновят.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="115"/>
        <source>The database “%1” already holds tables that are not Cinema&apos;s: give Cinema an empty database of its own.</source>
        <translation>В базе «%1» уже есть чужие таблицы: выделите Cinema отдельную пустую базу.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="117"/>
        <source>No library server given. Example: %1</source>
        <translation>Сервер библиотеки не указан. Пример: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="118"/>
        <source>The library server must be a PostgreSQL URL starting with postgresql://, not “%1”. Example: %2</source>
        <translation>Адрес сервера библиотеки — URL PostgreSQL, начинающийся с postgresql://, а не «%1». Пример: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="121"/>
        <source>The address names no host. Example: %1</source>
        <translation>В адресе нет хоста. Пример: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="123"/>
        <source>The address names no user (USER@ before the host). Example: %1</source>
        <translation>В адресе нет пользователя (USER@ перед хостом). Пример: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="124"/>
        <source>The address names no database (/DATABASE after the host). Example: %1</source>
        <translation>В адресе нет базы (/DATABASE после хоста). Пример: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="127"/>
        <source>Unknown option “%1” in the address; known: %2.</source>
        <translation>Неизвестный параметр «%1» в адресе; известны: %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_words.py" line="128"/>
        <source>sslmode must be one of %1, not “%2”.</source>
        <translation>sslmode должен быть одним из: %1, а не «%2».</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="47"/>
        <source>Sync between devices</source>
        <translation>Синхронизация между устройствами</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="51"/>
        <source>With a PostgreSQL library server, profiles, progress, history, the watchlist, playlists, reminders, your own links and provider settings are shared by the household&apos;s devices; each device keeps working offline. The TV guide, caches and posters stay on each device; passwords and keys never leave it.</source>
        <translation>С сервером библиотеки PostgreSQL профили, прогресс, история, список «Посмотреть позже», плейлисты, напоминания, ваши ссылки и настройки источников общие для всех устройств дома; без связи каждое устройство продолжает работать. Телепрограмма, кэш и постеры остаются на каждом устройстве; пароли и ключи никуда не уходят.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="61"/>
        <source>Library server address</source>
        <translation>Адрес сервера библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="64"/>
        <source>Password (kept in the system keyring)</source>
        <translation>Пароль (хранится в системной связке ключей)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="65"/>
        <source>Library server password</source>
        <translation>Пароль сервера библиотеки</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="3"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="68"/>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="70"/>
        <source>Upgrade the server…</source>
        <translation>Обновить сервер…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="72"/>
        <source>Stop syncing…</source>
        <translation>Отключить синхронизацию…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="132"/>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="148"/>
        <source>Connecting to the library server…</source>
        <translation>Подключение к серверу библиотеки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="162"/>
        <source>Joined %1: %2 sent, %3 received.</source>
        <translation>Подключено к %1: отправлено %2, получено %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/components/sync_settings.py" line="1"/>
        <source>%n profile(s) merged with the server&apos;s of the same name.</source>
        <translation>
            <numerusform>%n профиль объединён с профилем сервера с тем же именем.</numerusform>
            <numerusform>%n профиля объединены с профилями сервера с теми же именами.</numerusform>
            <numerusform>%n профилей объединены с профилями сервера с теми же именами.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="169"/>
        <source>Joined %1 again: %2 sent, %3 received.</source>
        <translation>Снова подключено к %1: отправлено %2, получено %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="173"/>
        <source>The password could not be kept in the system keyring: set CINEMA_LIBRARY_SERVER_TOKEN.</source>
        <translation>Пароль не удалось сохранить в системной связке ключей: задайте CINEMA_LIBRARY_SERVER_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="196"/>
        <source>Upgrade the library server?</source>
        <translation>Обновить сервер библиотеки?</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="197"/>
        <source>The library server&apos;s schema is older than this Cinema&apos;s.</source>
        <translation>Схема сервера библиотеки старше, чем у этой версии Cinema.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="199"/>
        <source>Upgrade it now? Nothing is lost; devices with an older Cinema will need an update.</source>
        <translation>Обновить сейчас? Ничего не потеряется; устройствам со старой версией Cinema понадобится обновление.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="223"/>
        <source>Stop syncing?</source>
        <translation>Отключить синхронизацию?</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="225"/>
        <source>This device keeps its library as it is now, on its own. The server and the other devices keep theirs. Changes not yet sent stay here only.</source>
        <translation>Это устройство оставит себе библиотеку в нынешнем виде. Сервер и другие устройства сохранят свои копии. Неотправленные изменения останутся только здесь.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/sync_settings.py" line="249"/>
        <source>Sync is off: this library is on this device only.</source>
        <translation>Синхронизация выключена: библиотека только на этом устройстве.</translation>
    </message>
</context>
<context>
    <name>WatchedSetting</name>
    <message>
        <location filename="../../app/ui/components/watched_setting.py" line="21"/>
        <source>Watching</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/watched_setting.py" line="32"/>
        <source>A film or an episode counts as watched once played to</source>
        <translation>Фильм или серия считается просмотренным, когда досмотрен до</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/watched_setting.py" line="50"/>
        <source>It then leaves Continue watching and is marked watched in the history; the last 5 % always count.</source>
        <translation>После этого он уходит из «Продолжить просмотр» и отмечается просмотренным в истории; последние 5 % засчитываются всегда.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/watched_setting.py" line="55"/>
        <source>It could not be saved: it lasts until Cinema quits.</source>
        <translation>Сохранить не удалось: значение действует до выхода из Cinema.</translation>
    </message>
</context>
<context>
    <name>PlayFailure</name>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="38"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="88"/>
        <source>Cannot play this source: %1</source>
        <translation>Не удаётся воспроизвести источник: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="93"/>
        <source>the server answered HTTP %1</source>
        <translation>сервер ответил HTTP %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="28"/>
        <source>access refused</source>
        <translation>доступ запрещён</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="28"/>
        <source>not found</source>
        <translation>не найдено</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="28"/>
        <source>gone</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="97"/>
        <source>the link leads to a web page, not to a video</source>
        <translation>ссылка ведёт на веб-страницу, а не на видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="98"/>
        <source>there is no video in it</source>
        <translation>в нём нет видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="99"/>
        <source>the file is not there any more</source>
        <translation>файла больше нет на месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="100"/>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="110"/>
        <source>Nobody shares this torrent now: no peers found in %1 s. Try another source or later.</source>
        <translation>Этот торрент сейчас никто не раздаёт: за %1 с не найдено ни одного пира. Попробуйте другой источник или позже.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="115"/>
        <source>Peers were found (%2), but none sent the file list in %1 s. Try again later.</source>
        <translation>Пиры найдены (%2), но ни один не прислал список файлов за %1 с. Попробуйте позже.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="121"/>
        <source>The torrent is too slow: its start did not arrive in %1 s.</source>
        <translation>Торрент слишком медленный: начало файла не пришло за %1 с.</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="147"/>
        <source>Got the file list; starting the download… (%1 s)</source>
        <translation>Список файлов получен; загрузка начинается… (%1 с)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="149"/>
        <source>Looking for people who share this torrent… (%1 s)</source>
        <translation>Ищем тех, кто раздаёт этот торрент… (%1 с)</translation>
    </message>
    <message>
        <location filename="../../app/ui/components/play_failure.py" line="152"/>
        <source>Getting the file list from %1 peer(s)… (%2 s)</source>
        <translation>Получаем список файлов от пиров: %1… (%2 с)</translation>
    </message>
</context>
<context>
    <name>SeriesEpisodesPanel</name>
    <message>
        <source>Episodes</source>
        <translation>Серии</translation>
    </message>
    <message>
        <source>Episode names, dates and stills from %1: %2</source>
        <translation>Названия серий, даты и кадры — из %1: %2</translation>
    </message>
    <message>
        <source>%1 gives episode numbers only; %2, which has names, was not reachable.</source>
        <translation>%1 даёт только номера серий; %2, где есть названия, недоступен.</translation>
    </message>
    <message>
        <source>%1 gives episode numbers only; no show on %2 is surely this one.</source>
        <translation>%1 даёт только номера серий; в %2 нет сериала, который точно был бы этим.</translation>
    </message>
    <message>
        <source>%1 gives episode numbers only; no provider that names episodes is set up.</source>
        <translation>%1 даёт только номера серий; источник названий серий не настроен.</translation>
    </message>
    <message numerus="yes">
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n серия</numerusform>
            <numerusform>%n серии</numerusform>
            <numerusform>%n серий</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark watched</source>
        <translation>Отметить просмотренной</translation>
    </message>
    <message>
        <source>Mark unwatched</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Sources of this episode</source>
        <translation>Источники серии</translation>
    </message>
    <message>
        <source>On TV %1, %2</source>
        <translation>В эфире %1, %2</translation>
    </message>
    <message>
        <source>Season %1</source>
        <translation>Сезон %1</translation>
    </message>
    <message>
        <source>Specials</source>
        <translation>Спецвыпуски</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Смотреть</translation>
    </message>
</context>
<context>
    <name>SkipButton</name>
    <message>
        <source>Skip intro</source>
        <translation>Пропустить заставку</translation>
    </message>
    <message>
        <source>Skip credits</source>
        <translation>Пропустить титры</translation>
    </message>
</context>
<context>
    <name>NextEpisodeCountdown</name>
    <message>
        <source>Skip to next</source>
        <translation>Следующая серия</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>Next episode in %n s</source>
        <translation>
            <numerusform>Следующая серия через %n с</numerusform>
            <numerusform>Следующая серия через %n с</numerusform>
            <numerusform>Следующая серия через %n с</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodeDelegate</name>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>Episode %1</source>
        <translation>Серия %1</translation>
    </message>
</context>
</TS>
