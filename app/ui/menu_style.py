"""The dark menus' style sheet (tray menu, player menus): the theme file has no rule for menus."""

MENU_STYLE = """
QMenu { background: #181a21; color: #e8e9ec; border: 1px solid #2c303b; padding: 6px; font-size: 13px; }
QMenu::item { padding: 6px 26px 6px 22px; border-radius: 4px; }
QMenu::item:selected { background: #2a2e39; }
QMenu::item:disabled { color: #6b7080; }
QMenu::separator { height: 1px; background: #2c303b; margin: 5px 8px; }
"""
