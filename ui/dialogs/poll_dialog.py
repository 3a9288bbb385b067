"""The "Start a poll" dialog: a question, its answers (one a line), whether the results show
while the poll is open, and how many answers one may choose.

Keyboard-first: every field has a label with a mnemonic, Tab leaves the answers box (it does
not type a tab), and a missing question or answer is said by the problem line and gets the
focus back. The owner reads :meth:`poll` once the dialog is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.polls import MAX_ANSWERS
from ui.widgets.problem_label import ProblemLabel


@dataclass(frozen=True, slots=True)
class NewPoll:
    question: str
    answers: tuple[str, ...]
    disclosed: bool
    max_selections: int


class PollDialog(QDialog):
    """Asks for a new poll; accepted only with a question and at least two answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pollDialog")
        self.setWindowTitle(self.tr("Start a poll"))
        self.setAccessibleName(self.tr("Start a poll"))
        self.question = QLineEdit()
        self.question.setObjectName("pollQuestion")
        self.question.setAccessibleName(self.tr("Question"))
        self.answers = QPlainTextEdit()
        self.answers.setObjectName("pollAnswers")
        self.answers.setAccessibleName(self.tr("Answers, one a line"))
        self.answers.setTabChangesFocus(True)
        self.disclosed = QCheckBox(self.tr("Show the &results while the poll is open"))
        self.disclosed.setObjectName("pollDisclosed")
        self.disclosed.setChecked(True)
        self.choices = QSpinBox()
        self.choices.setObjectName("pollChoices")
        self.choices.setAccessibleName(self.tr("Answers one may choose"))
        self.choices.setRange(1, MAX_ANSWERS)
        form = QFormLayout()
        for text, field in (
            (self.tr("&Question:"), self.question),
            (self.tr("&Answers (one a line):"), self.answers),
            (self.tr("Answers one may &choose:"), self.choices),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.disclosed)
        self.problem = ProblemLabel("pollProblem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start poll"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def poll(self) -> NewPoll:
        answers = tuple(a.strip() for a in self.answers.toPlainText().splitlines() if a.strip())
        return NewPoll(
            self.question.text().strip(),
            answers,
            self.disclosed.isChecked(),
            min(self.choices.value(), max(1, len(answers))),
        )

    def accept(self) -> None:
        poll = self.poll()
        if not poll.question:
            self.problem.say(self.tr("Write the question."))
            self.question.setFocus()
            return
        if len(poll.answers) < 2 or len(poll.answers) > MAX_ANSWERS:
            self.problem.say(
                self.tr("Write between 2 and {most} answers, one a line.").format(most=MAX_ANSWERS)
            )
            self.answers.setFocus()
            return
        super().accept()
