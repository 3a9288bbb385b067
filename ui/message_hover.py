"""What the hover bar over a message offers and does (the bar itself: ui/widgets/hover_bar.py).

The message menu's main actions, in short: each button runs the same MessageActions method as
the menu item and its key (Copy is Ctrl+C and Delete the Delete key on the message list), so
Delete asks the same confirmation and is offered under the same conditions (one's own, confirmed
message where the service can retract). Kept apart from MessageActions, which holds the menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.backend import Capability
from app.models import Message

if TYPE_CHECKING:
    from ui.message_actions import MessageActions


class MessageHover(QObject):
    """Answers the bar's "which actions on this message?" and runs the one clicked."""

    def __init__(self, actions: MessageActions) -> None:
        super().__init__(actions)
        self._actions = actions
        view = actions.view
        view.hover_bar.actions_for = self.actions_for
        view.hoverAction.connect(self.run)

    def actions_for(self, msg: Message) -> tuple[str, ...]:
        """What the bar offers on ``msg``: what its menu offers, in short."""
        caps = self._actions.capabilities
        confirmed = msg.remote_id is not None and not msg.retracted
        actions = []
        if confirmed and caps & Capability.REACTIONS:
            actions.append("react")
        if confirmed and caps & Capability.REPLIES:
            actions.append("reply")
        if confirmed and msg.outgoing and caps & Capability.EDITS:
            actions.append("edit")
        if not msg.retracted and self._actions.model.display_body(msg).strip():
            actions.append("copy")
        if confirmed and msg.outgoing and caps & Capability.RETRACTIONS:
            actions.append("delete")
        actions.append("more")
        return tuple(actions)

    @Slot(str, object)
    def run(self, action: str, msg: Message) -> None:
        actions = self._actions
        view, model = actions.view, actions.model
        row = model.row_of(msg.local_id)
        if row >= 0:
            view.setCurrentIndex(model.index(row))
        composer = actions.composer_area.composer
        if action == "react":
            actions.pick_reaction(msg)
        elif action == "reply":
            actions.reply(msg)
            composer.setFocus()
        elif action == "edit":
            actions.edit(msg)
            composer.setFocus()
        elif action == "copy":
            actions.copy(msg)
        elif action == "delete":
            actions.delete(msg)
        elif action == "more":
            bar = view.hover_bar
            actions.show_message_menu(msg, bar.mapToGlobal(bar.rect().bottomLeft()))
