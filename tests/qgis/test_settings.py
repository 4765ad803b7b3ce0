"""The plugin's QgsSettings entries: one module, the key strings users' settings are stored under."""

from __future__ import annotations

from mine_supervision_plugin import settings


def test_every_key_is_declared_once_with_the_strings_users_settings_are_stored_under():
    keys = [entry.key for entry in settings.ALL]
    assert len(keys) == len(set(keys))
    assert {
        "mine_supervision/tianditu_key",
        "mine_supervision/imagery_follow_main",
        "mine_supervision/last_folder",
        "mine_supervision/user_name",
        "mine_supervision/patch_field_mapping",
    } <= set(keys)


def test_values_are_typed_and_round_trip(qgis_app):
    entry = settings.IMAGERY_FOLLOW_MAIN
    try:
        entry.set_value(True)
        assert entry.value() is True
        entry.remove()
        assert entry.value() is False
        assert settings.LAST_FOLDER.value("/somewhere") == "/somewhere"  # unset: the caller's default
    finally:
        entry.remove()
