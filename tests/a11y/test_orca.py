"""What Orca (Debian 12: 43.1, with speech-dispatcher) says while someone uses Chinwag by keyboard,
read from the SPEECH OUTPUT lines of its debug log. The app is signed in to InspIRCd, in a
channel with a bot that talks; keys go through the AT-SPI registry, as real key presses.

Orca 43 does not listen for accessibility announcements: new messages reach it as notification
objects ("notification bob, hello"), see ui/a11y/speech.py. Each test prints what Orca said.
"""

from __future__ import annotations

from tests.a11y.scene import Scene, told_count


def show(scene: Scene, since: int, title: str) -> None:
    print(f"--- Orca, {title}:")
    for line in scene.spoken(since):
        print(f"    {line!r}")


def test_screen_reader_mode_was_offered_at_first_start(scene: Scene) -> None:
    """A screen reader was running when the app first started: it offered its mode (spoken
    when the dialog opened), and Enter turned it on."""
    said = " | ".join(scene.offer)
    print("--- Orca, the offer:", said)
    assert "Screen-reader mode dialog" in said
    assert "A screen reader is running. Chinwag has a mode for it" in said


def test_a_new_message_in_the_open_conversation_is_spoken(scene: Scene) -> None:
    scene.reset()
    since = scene.desktop.mark()
    scene.bot.say(scene.channel, "Is the kettle on?")
    line = scene.wait_spoken(
        lambda s: f"{scene.bot.nick}, Is the kettle on?" in s, since, "the new message"
    )
    show(scene, since, "a new message in the open channel")
    assert line.startswith("notification ")
    assert ":" not in line  # Orca's default punctuation would say "colon"


def test_a_burst_is_merged_and_never_cut(scene: Scene) -> None:
    scene.reset()
    since = scene.desktop.mark()
    for i in range(1, 21):
        scene.bot.say(scene.channel, f"Burst message {i} of 20")

    def told() -> int:
        return sum(told_count(s, "Burst message") for s in scene.spoken(since))

    scene.wait_spoken(lambda _s: told() >= 20, since, "all 20 burst messages told")
    show(scene, since, "a burst of 20")
    assert told() == 20
    merged = [s for s in scene.spoken(since) if "new messages in" in s]
    assert merged and f"from {scene.bot.nick}" in merged[0]
    assert len([s for s in scene.spoken(since) if s.startswith("notification")]) <= 4


def test_a_private_message_in_the_background_is_spoken(scene: Scene) -> None:
    scene.reset()
    since = scene.desktop.mark()
    scene.bot.say(scene.nick, "Are you free for lunch?")
    line = scene.wait_spoken(lambda s: "Are you free for lunch?" in s, since, "the private message")
    show(scene, since, "a private message while the channel is open")
    assert f"Private message from {scene.bot.nick}, Are you free for lunch?" in line


def test_entering_the_message_list_and_moving_up(scene: Scene) -> None:
    scene.reset()
    since = scene.desktop.mark()
    for text in ("Line one", "Line two", "Line three"):
        scene.bot.say(scene.channel, text)
    scene.wait_spoken(lambda s: "Line three" in s or "3 new messages" in s, since, "the lines")
    since = scene.desktop.mark()
    scene.agent.keys("F6")  # from the composer, the first F6 goes to the messages
    scene.wait_spoken(
        lambda s: s.startswith(f"{scene.bot.nick}, Line three"), since, "the newest message"
    )
    said = scene.spoken(since)
    assert any(f"Messages in {scene.channel}" in s for s in said), said
    moved = scene.desktop.mark()
    scene.agent.keys("Up")
    line = scene.wait_spoken(
        lambda s: s.startswith(f"{scene.bot.nick}, Line two"), moved, "Line two"
    )
    show(scene, since, "F6 into the messages, then Up")
    # Screen-reader mode: sender and text, not the time (Ctrl+T says it).
    assert line == f"{scene.bot.nick}, Line two."
    asked = scene.desktop.mark()
    scene.agent.keys("ctrl+t")
    line = scene.wait_spoken(lambda s: "Sent " in s, asked, "the time on request")
    show(scene, asked, "Ctrl+T on a message")
    assert ":" not in line


def test_the_quick_switcher_speaks_matches_and_the_choice(scene: Scene) -> None:
    scene.reset()
    scene.ensure_direct()
    bot = scene.bot.nick
    since = scene.desktop.mark()
    scene.agent.keys("ctrl+k")
    scene.wait_spoken(lambda s: "Go to conversation dialog" in s, since, "the dialog")
    scene.agent.type(bot)
    scene.wait_spoken(
        lambda s: f"1 conversation found, first {bot}, direct" in s, since, "the match count"
    )
    scene.agent.keys("Down")
    scene.wait_spoken(lambda s: s.startswith(f"{bot}, direct"), since, "the match, on Down")
    scene.agent.keys("Return")
    scene.wait_spoken(lambda s: f"{bot} — Chinwag" in s, since, "the window named after it")
    scene.wait_spoken(lambda s: f"Message to {bot}" in s, since, "the composer named after it")
    show(scene, since, "Ctrl+K, typing, Down, Enter")


def test_switching_back_names_the_conversation(scene: Scene) -> None:
    scene.reset()
    scene.ensure_direct()
    scene.switch_to(scene.bot.nick)
    since = scene.desktop.mark()
    scene.switch_to(scene.channel)
    scene.wait_spoken(lambda s: f"Message to {scene.channel} text" in s, since, "the composer")
    show(scene, since, "switching to the channel")
    assert any(f"{scene.channel} — Chinwag" in s for s in scene.spoken(since))


def test_tab_through_the_composer_area(scene: Scene) -> None:
    """From the composer, Tab reaches the emoji button and Send (IRC sends no files: no Attach
    here), then leaves the conversation for the sidebar's filter; Shift+Tab comes back. No
    loop."""
    scene.reset()
    start = scene.desktop.mark()
    steps = (
        ("Tab", "Insert emoji push button"),
        ("Tab", "Send message push button"),
        ("Tab", "Filter conversations text"),
        ("shift+Tab", "Send message push button"),
        ("shift+Tab", "Insert emoji push button"),
        ("shift+Tab", f"Message to {scene.channel} text"),
    )
    for key, expected in steps:
        since = scene.desktop.mark()
        scene.agent.keys(key)
        scene.wait_spoken(lambda s, e=expected: e in s, since, f"{expected!r} after {key}")
    show(scene, start, "Tab, Tab, Shift+Tab, Shift+Tab from the composer")
    assert not any("More conversation actions" in s for s in scene.spoken(start))


def test_a_message_menu_by_keyboard(scene: Scene) -> None:
    """Shift+F10 on a message opens its actions with the first one spoken (Reply: IRCv3
    replies), Down reads the next, Escape comes back to the message."""
    scene.reset()
    since = scene.desktop.mark()
    scene.bot.say(scene.channel, "Menu for this one")
    scene.wait_spoken(lambda s: "Menu for this one" in s, since, "the message")
    entered = scene.desktop.mark()
    scene.agent.keys("F6")
    scene.wait_spoken(
        lambda s: s.startswith(f"{scene.bot.nick}, Menu for this one"), entered, "in the list"
    )
    opened = scene.desktop.mark()
    scene.agent.keys("shift+F10")
    scene.wait_spoken(lambda s: s.startswith("Reply"), opened, "the first action")
    moved = scene.desktop.mark()
    scene.agent.keys("Down")
    scene.wait_spoken(lambda s: s.startswith("React"), moved, "the next action")
    closed = scene.desktop.mark()
    scene.agent.keys("Escape")
    scene.wait_spoken(
        lambda s: s.startswith(f"{scene.bot.nick}, Menu for this one"), closed, "back"
    )
    show(scene, opened, "Shift+F10 on a message, Down, Escape")


def test_a_misspelled_word_is_told_in_the_composer_menu(scene: Scene) -> None:
    """With the cursor in a misspelled word, Shift+F10 (and the menu key) opens the composer's
    menu with "Spelling: 5 suggestions for “helo”" spoken first; Right reads the first
    suggestion; Escape twice comes back to the composer, with no second menu left open."""
    scene.reset()
    scene.agent.type("helo")
    scene.agent.keys("Left")
    for key in ("shift+F10", "Menu"):
        opened = scene.desktop.mark()
        scene.agent.keys(key)
        scene.wait_spoken(
            lambda s: "Spelling: 5 suggestions for “helo”" in s, opened, f"the heading ({key})"
        )
        moved = scene.desktop.mark()
        scene.agent.keys("Right")
        scene.wait_spoken(lambda s: s.startswith("hole"), moved, "the first suggestion")
        closed = scene.desktop.mark()
        scene.agent.keys("Escape", "Escape")
        scene.wait_spoken(
            lambda s: f"Message to {scene.channel}" in s, closed, "back in the composer"
        )
        show(scene, opened, f"{key} on a misspelled word, Right, Escape, Escape")
    scene.agent.keys("ctrl+a", "BackSpace")
