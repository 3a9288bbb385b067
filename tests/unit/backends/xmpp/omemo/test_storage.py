"""OMEMO keys at rest: encrypted files under a keyring key; a lost key starts a new device."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest
from omemo.storage import StorageException

from backends.xmpp.omemo.storage import SECRET_NAME, EncryptedStorage, KeyringRefused
from chinwag.testing import MemorySecrets


async def open_store(tmp_path: Path, keyring: MemorySecrets, log: list[str]) -> EncryptedStorage:
    return await EncryptedStorage.open(tmp_path, keyring, log.append)


async def test_values_round_trip_and_nothing_is_readable_on_disk(tmp_path: Path) -> None:
    keyring, log = MemorySecrets(), []
    store = await open_store(tmp_path, keyring, log)
    secret = "SECRET-IDENTITY-KEY-MATERIAL"
    await store.store("/devices/juliet@capulet.lit/1234/identity_key", secret)
    await store.store("/own_device_id", 1234)
    await store.store("/trust/x", {"a": [1, 2, None]})
    assert (await store.load("/own_device_id")).from_just() == 1234
    assert (await store.load("/missing")).is_nothing
    await store.delete("/own_device_id")
    await store.delete("/never-there")
    await store.close()

    key = base64.b64decode(keyring.values[SECRET_NAME])
    assert len(key) == 32 and log == []
    folder = tmp_path / "omemo"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 3  # canary, identity key, trust
    for path in folder.iterdir():
        raw = path.read_bytes()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert b"SECRET" not in raw and b"juliet" not in raw and b"trust" not in raw
        assert "juliet" not in path.name and "trust" not in path.name

    again = await open_store(tmp_path, keyring, log)  # a restart: the same keys
    loaded = await again.load("/devices/juliet@capulet.lit/1234/identity_key")
    assert loaded.from_just() == secret
    assert (await again.load("/trust/x")).from_just() == {"a": [1, 2, None]}
    assert (await again.load("/own_device_id")).is_nothing
    await again.close()


async def test_a_file_moved_to_another_keys_place_does_not_decrypt(tmp_path: Path) -> None:
    store = await open_store(tmp_path, MemorySecrets(), [])
    await store.store("/a", "first")
    await store.store("/b", "second")
    store._path("/a").write_bytes(store._path("/b").read_bytes())
    with pytest.raises(StorageException, match="does not decrypt"):
        store._read("/a")  # the key's name is bound to its value (associated data)
    store._path("/b").write_bytes(b"\x01short")
    with pytest.raises(StorageException, match="damaged"):
        store._read("/b")
    await store.close()


async def test_a_lost_keyring_key_starts_a_new_device_and_keeps_the_old_files(
    tmp_path: Path,
) -> None:
    keyring, log = MemorySecrets(), []
    store = await open_store(tmp_path, keyring, log)
    await store.store("/own_device_id", 1)
    await store.close()
    keyring.values.clear()  # the keyring lost it (or this is another computer)
    fresh = await open_store(tmp_path, keyring, log)
    assert (await fresh.load("/own_device_id")).is_nothing
    await fresh.close()
    assert any(p.name.startswith("omemo.unreadable-") for p in tmp_path.iterdir())
    assert log and "could not be read" in log[0]


async def test_another_key_for_the_same_folder_is_noticed(tmp_path: Path) -> None:
    keyring, log = MemorySecrets(), []
    store = await open_store(tmp_path, keyring, log)
    await store.store("/own_device_id", 1)
    await store.close()
    keyring.values[SECRET_NAME] = base64.b64encode(bytes(range(32))).decode()
    other = await open_store(tmp_path, keyring, log)
    assert (await other.load("/own_device_id")).is_nothing
    await other.close()
    keyring.values[SECRET_NAME] = "not base64 !!"
    third = await open_store(tmp_path, keyring, log)
    await third.close()
    assert base64.b64decode(keyring.values[SECRET_NAME]) != bytes(range(32))
    assert any("malformed" in line for line in log)


async def test_no_store_when_the_keyring_does_not_keep_the_key(tmp_path: Path) -> None:
    """ "Test connection" stores no secret: OMEMO must not make a device (and files) for it."""

    class Forgetful(MemorySecrets):
        async def set(self, key: str, value: str) -> None:
            return None

    with pytest.raises(KeyringRefused):
        await open_store(tmp_path, Forgetful(), [])
    assert not (tmp_path / "omemo").exists()
