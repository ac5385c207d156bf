"""The provider JSON programme API (and the tv.mail.ru / Yandex TV shapes)."""
