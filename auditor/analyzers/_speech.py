"""What the speech checks share: rules that find and quote the words, a small model per check that
decides, and findings that say which clause and why it matters.

Each check (job information, obscene or biased speech, reckless behaviour, speaking for the
department, private facts) is one module that subclasses `SpeechCheck` with its own rules, its
context rules (quoting, reporting, one's own information ...) and its model file, trained by
`evaluation/train_speech.py` on that check's training split. This module starts with an underscore,
so plugin discovery does not import it as a check of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

import numpy as np

from auditor.model import Finding, Item, ItemKind, ProfileField, Severity

from .base import HANDLE, URL, Analyzer, AuditContext, evidence_for, excerpt, platform_title, where_of

SPOKEN_KINDS = {ItemKind.POST, ItemKind.COMMENT, ItemKind.PHOTO, ItemKind.VIDEO, ItemKind.STORY, ItemKind.CHECK_IN}
SPOKEN_FIELDS = {ProfileField.BIO, ProfileField.HEADLINE}


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    reason: str


def rule(pattern: str, reason: str, flags: int = re.I) -> Rule:
    return Rule(re.compile(pattern, flags), reason)


@dataclass(frozen=True)
class SpeechJudgement:
    probability: float
    flagged: bool
    spans: tuple[tuple[int, int, str], ...]  # (start, end, reason) of the rules that matched
    context: tuple[str, ...]  # context that lowered the score (quoting, one's own details ...)


class SpeechCheck(Analyzer):
    """Subclasses set name, topics, description, limits, RULES, CONTEXT, MODEL_FILE, WHAT and WHY."""

    reads = frozenset(SPOKEN_FIELDS)
    RULES: tuple[Rule, ...] = ()
    CONTEXT: tuple[Rule, ...] = ()  # phrases that make a rule match say less (quoting, reporting, one's own ...)
    MODEL_FILE = ""
    WHAT = "post"  # how a finding names what it found ("a post that shares information from your job")
    WHY = ""  # one sentence: why it matters for the officer
    SEVERITY = Severity.MEDIUM
    HIGH_PROBABILITY = 0.9
    OWN_WORDS_ONLY = False  # True: what other people posted about you cannot be this (it is about your own statements)

    @property
    def signal_names(self) -> tuple[str, ...]:
        return tuple(f"rule:{r.reason}" for r in self.RULES) + tuple(f"context:{r.reason}" for r in self.CONTEXT)

    def signals(self, text: str) -> list[float]:
        return [float(bool(r.pattern.search(text))) for r in self.RULES + self.CONTEXT]

    @staticmethod
    def model_text(text: str, where: str) -> str:
        return f"__where_{where} " + HANDLE.sub(" @user ", URL.sub(" url ", text))

    @cached_property
    def model(self):  # type: ignore[no-untyped-def]
        """The check's trained model, or None before one is trained (the rules then decide alone)."""
        from importlib import resources

        from auditor.textmodel import load_model

        if not self.MODEL_FILE or not resources.files("auditor").joinpath("data", self.MODEL_FILE).is_file():
            return None
        return load_model(self.MODEL_FILE)

    def judge(self, texts: Sequence[str], wheres: Sequence[str]) -> list[SpeechJudgement]:
        rows = np.array([self.signals(t) for t in texts], dtype=float).reshape(len(texts), len(self.RULES) + len(self.CONTEXT))
        model = self.model
        if model is not None:
            probabilities = model.probabilities([self.model_text(t, w) for t, w in zip(texts, wheres)], rows,
                                                [HANDLE.sub(" @user ", t) for t in texts])
            threshold = model.threshold
        else:
            probabilities, threshold = rows[:, :len(self.RULES)].max(axis=1, initial=0.0) * 0.9, 0.5
        judged = []
        for text, probability in zip(texts, probabilities):
            spans = tuple((m.start(), m.end(), r.reason) for r in self.RULES for m in r.pattern.finditer(text))
            context = tuple(dict.fromkeys(r.reason for r in self.CONTEXT if r.pattern.search(text)))
            judged.append(SpeechJudgement(float(probability), bool(probability >= threshold), spans, context))
        return judged

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        items = [i for i in ctx.items if i.text and (i.kind in SPOKEN_KINDS or
                                                     (i.kind == ItemKind.PROFILE_FIELD and i.field in SPOKEN_FIELDS))
                 and not (self.OWN_WORDS_ONLY and i.posted_by_someone_else)]
        wheres = [_where(i) for i in items]
        for item, judgement in zip(items, self.judge([i.text for i in items], wheres)):
            if judgement.flagged:
                yield self._finding(item, judgement)

    def _finding(self, item: Item, judgement: SpeechJudgement) -> Finding:
        spans = sorted(judgement.spans)
        start, end = (spans[0][0], spans[0][1]) if spans else (0, 0)
        reasons = list(dict.fromkeys(reason for _, _, reason in spans))
        found = "; ".join(reasons[:3]) if reasons else "the way it is written, as the check's model reads it"
        explanation = f"{self.WHY} Found: {found}. The check's score for this text is {judgement.probability:.0%}."
        if judgement.context:
            explanation += " It was scored lower because it may be " + " or ".join(judgement.context) + ", but not enough to clear it."
        severity = Severity.HIGH if judgement.probability >= self.HIGH_PROBABILITY and self.SEVERITY == Severity.HIGH else self.SEVERITY
        return Finding(
            detector=self.name, topic=self.topics[0], severity=severity,
            title=f"{platform_title(item.platform)} {_where(item)} {self.WHAT}",
            explanation=explanation, platform=item.platform,
            evidence=[evidence_for(item, excerpt(item.text, start, end) if spans else excerpt(item.text),
                                   highlight=item.text[start:end] if spans else "")],
            confidence=round(judgement.probability, 2),
        )


def _where(item: Item) -> str:
    return where_of(item.kind, item.field)
