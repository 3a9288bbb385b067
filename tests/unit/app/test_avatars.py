"""Avatars in the core: facts become files under the account's folder, fetched once per ref,
checked, published, kept across restarts, removed with the picture."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.avatars import MAX_AVATAR_BYTES, AvatarCache, sniff_image
from app.backend import AvatarImage
from app.core import Core
from app.paths import AppPaths
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import Recorder, make_core, wait_for
from tests.fakes.fake_backend import FakeServer
from tests.unit.app.test_core import add_alice, connected

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 32


def _stored(recorder: Recorder) -> dict[tuple[str, str], str]:
    merged: dict[tuple[str, str], str] = {}
    for event in recorder.of(ev.AvatarsChanged):
        merged.update(event.avatars)
    return merged


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"GIF89a....", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"<html>not found</html>", None),
        (b"", None),
    ],
)
def test_sniff_image(data: bytes, mime: str | None) -> None:
    assert sniff_image(data) == mime


async def test_a_reported_avatar_is_fetched_once_stored_privately_and_published(
    core: Core, fake_server: FakeServer, profile: Path
) -> None:
    recorder = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.avatars["hash-1"] = PNG
    fake_server.report("alice", f.AvatarChanged("bob@example.org", "hash-1"))
    fake_server.report("alice", f.AvatarChanged("carol@example.org", "hash-1"))  # same picture
    fake_server.report("alice", f.AvatarChanged("Romeo", "hash-1", conversation="room@muc"))
    await wait_for(lambda: len(_stored(recorder)) == 3)
    stored = _stored(recorder)
    path = Path(stored[("", "bob@example.org")])
    assert path.read_bytes() == PNG
    folder = AppPaths.in_profile(profile).account_files(account_id) / "avatars"
    assert path.parent == folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ("room@muc", "Romeo") in stored
    assert [c for c in fake_server.calls if c[0] == "avatar"] == [("avatar", ("hash-1",))]

    # The same ref again: nothing fetched, nothing published.
    recorder.clear()
    fake_server.report("alice", f.AvatarChanged("bob@example.org", "hash-1"))
    await core.flushed()
    await core.sessions[account_id].avatars.idle()
    assert recorder.of(ev.AvatarsChanged) == []


async def test_a_new_picture_replaces_the_old_file_and_removal_deletes_it(
    core: Core, fake_server: FakeServer
) -> None:
    recorder = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.avatars.update({"h1": PNG, "h2": JPEG})
    fake_server.report("alice", f.AvatarChanged("bob", "h1"))
    await wait_for(lambda: ("", "bob") in _stored(recorder))
    first = Path(_stored(recorder)[("", "bob")])
    fake_server.report("alice", f.AvatarChanged("bob", "h2"))
    await wait_for(lambda: _stored(recorder)[("", "bob")] != str(first))
    second = Path(_stored(recorder)[("", "bob")])
    assert second.read_bytes() == JPEG
    assert not first.exists()
    fake_server.report("alice", f.AvatarChanged("bob", ""))
    await wait_for(lambda: _stored(recorder)[("", "bob")] == "")
    assert not second.exists()
    assert list(second.parent.iterdir()) == []


@pytest.mark.parametrize(
    "served",
    [b"<html>404</html>", b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_AVATAR_BYTES, None],
    ids=["not-a-picture", "too-big", "refused"],
)
async def test_bad_pictures_are_dropped_and_not_asked_for_again(
    core: Core, fake_server: FakeServer, served: bytes | None
) -> None:
    recorder = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    if served is not None:
        fake_server.avatars["bad"] = served
    fake_server.report("alice", f.AvatarChanged("mallory", "bad"))
    await wait_for(lambda: ("avatar", ("bad",)) in fake_server.calls)
    await core.sessions[account_id].avatars.idle()
    fake_server.report("alice", f.AvatarChanged("mallory", "bad"))
    await core.flushed()
    await core.sessions[account_id].avatars.idle()
    assert fake_server.calls.count(("avatar", ("bad",))) == 1
    assert _stored(recorder) == {}
    folder = core.sessions[account_id].avatars.cache.folder
    assert not folder.exists() or list(folder.iterdir()) == []


async def test_stored_pictures_are_published_at_the_next_start(
    profile: Path, fake_server: FakeServer, secrets: MemorySecretStore
) -> None:
    core = make_core(profile, fake_server, secrets)
    await core.start()
    recorder = Recorder(core)
    account_id = await add_alice(core)
    await connected(core, account_id)
    fake_server.avatars["h1"] = PNG
    fake_server.report("alice", f.AvatarChanged("bob", "h1"))
    await wait_for(lambda: ("", "bob") in _stored(recorder))
    await core.stop()

    fake_server.reachable = False  # faces appear before any connection
    again = make_core(profile, fake_server, secrets)
    recorder = Recorder(again)
    await again.start()
    try:
        await wait_for(lambda: ("", "bob") in _stored(recorder))
        assert Path(_stored(recorder)[("", "bob")]).read_bytes() == PNG
    finally:
        await again.stop()


def test_cache_skips_damaged_sidecars_and_files_outside_its_folder(tmp_path: Path) -> None:
    cache = AvatarCache(tmp_path / "avatars")
    cache.store(("", "bob"), "h1", AvatarImage(PNG))
    (cache.folder / "junk.json").write_text("{not json")
    (cache.folder / "evil.json").write_text(
        '{"conversation": "", "entity": "x", "ref": "r", "file": "../../etc/passwd"}'
    )
    loaded = cache.load()
    assert set(loaded) == {("", "bob")}
