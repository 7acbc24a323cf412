"""The audit as a library call: inputs in, an AuditResult out. The CLI is a thin layer over `run_audit`.

connectors → analyzers → (the caller hands the result to) reports. One bad file, input or analyzer
never stops the audit: each becomes a line in the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

import yaml

from auditor import __version__
from auditor.analyzers.base import AuditContext
from auditor.analyzers.registry import all_analyzers, is_builtin, topics_without_steps, unmapped_topics
from auditor.cache import ResultCache
from auditor.model import (
    Account,
    FileOutcome,
    Finding,
    IdentifyingClue,
    Item,
    ItemKind,
    LedgerState,
    LocationPoint,
    LocationTrail,
    MediaRef,
    Person,
    Severity,
    Visibility,
    VisualFeatures,
)
from auditor.parallel import default_jobs
from auditor.photo_merge import merge_photo_findings
from auditor.policy import Policy, UndercoverRule, load_policy
from auditor.profile import AgencyProfile, load_profile
from auditor.remediation import general_advice, steps_for, steps_for_others_content
from auditor.undercover import identifying_clue, opening_findings

if TYPE_CHECKING:
    from connectors import ReadSession
    from imagery import ImageryRun

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class InputSummary:
    path: str
    platform: str = ""
    confidence: float = 0.0
    status: str = "read"  # read | rejected
    reason: str = ""
    state: LedgerState | None = None  # for a rejected input: COULD_NOT_READ or NOT_UNDERSTOOD
    items: int = 0  # records read: items and location points
    counts: dict[LedgerState, int] = field(default_factory=dict)  # ledger state -> number of files


WEAK_BELOW = 0.75  # a check whose measured precision or recall is below this is called weak in the report


@dataclass
class AnalyzerInfo:
    name: str
    description: str
    precision: float | None = None
    recall: float | None = None
    measured_on: str = ""
    error: str = ""
    f1: float | None = None
    limits: str = ""  # what the check cannot see, in its own words

    @property
    def weakness(self) -> str:
        """A plain warning when the measured figures say the check is unreliable; "" otherwise."""
        if self.error or self.recall is None or self.precision is None:
            return ""
        missed = 1 - self.recall
        if self.recall < WEAK_BELOW:
            return (f"Weak: on its test set this check missed about {missed:.0%} of what it looks for. Do not take its "
                    "silence as a clear result; read your posts of that kind yourself.")
        if self.precision < WEAK_BELOW:
            return (f"Weak: on its test set about {1 - self.precision:.0%} of what this check flagged was harmless. Read "
                    "each of its findings before acting on it.")
        return ""


@dataclass
class AuditResult:
    version: str
    generated_at: datetime
    policy: Policy
    profile: AgencyProfile
    inputs: list[InputSummary]
    accounts: list[Account]
    items: list[Item]
    locations: LocationTrail
    findings: list[Finding]
    ledger: list[FileOutcome]
    analyzers: list[AnalyzerInfo]
    notes: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    assurance: list[str] = field(default_factory=list)  # what this audit can and cannot vouch for
    visuals: dict[MediaRef, VisualFeatures] = field(default_factory=dict)  # what the imagery stage saw, per image
    frames: dict[MediaRef, tuple[VisualFeatures, ...]] = field(default_factory=dict)  # and per video, per sampled frame
    imagery_checked: bool = False  # False when images were not looked at (--no-vision)
    opening: list[tuple[Finding, IdentifyingClue]] = field(default_factory=list)  # undercover: what identifies you outright

    @property
    def unreadable(self) -> list[FileOutcome]:
        return self._with_state(LedgerState.COULD_NOT_READ)

    @property
    def not_understood(self) -> list[FileOutcome]:
        return self._with_state(LedgerState.NOT_UNDERSTOOD)

    def _with_state(self, state: LedgerState) -> list[FileOutcome]:
        rejected = [FileOutcome(i.path, "", state, reason=i.reason) for i in self.inputs
                    if i.status == "rejected" and (i.state or LedgerState.COULD_NOT_READ) == state]
        return rejected + [o for o in self.ledger if o.state == state]

    @property
    def record_count(self) -> int:
        """Items and location points read."""
        return len(self.items) + len(self.locations)

    @property
    def readable_inputs(self) -> int:
        return sum(1 for i in self.inputs if i.status == "read")


@lru_cache(maxsize=1)
def detector_accuracy() -> dict:
    text = resources.files("auditor").joinpath("data", "detector-accuracy.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@dataclass
class ReadOutput:
    inputs: list[InputSummary] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    locations: LocationTrail = field(default_factory=LocationTrail)
    ledger: list[FileOutcome] = field(default_factory=list)


def read_inputs(paths: list[Path], progress: Progress | None = None, session: "ReadSession | None" = None) -> ReadOutput:
    from connectors import PlannedInput, ReadSession, discover_inputs

    session = session or ReadSession()
    output = ReadOutput()
    plans = discover_inputs(paths, session.workspace)
    for index, plan in enumerate(plans):
        if not isinstance(plan, PlannedInput):
            output.inputs.append(InputSummary(str(plan.path), status="rejected", reason=plan.reason, state=plan.state))
            continue
        summary = InputSummary(plan.label, plan.connector.title, plan.confidence)
        total = len(plan.source.members())
        done = 0
        for note in plan.notes:
            output.ledger.append(note)
            summary.counts[note.state] = summary.counts.get(note.state, 0) + 1
        try:
            for record in plan.connector.read(plan.source, plan.prefix, session):
                if isinstance(record, FileOutcome):
                    output.ledger.append(record)
                    summary.counts[record.state] = summary.counts.get(record.state, 0) + 1
                    done += 1
                    if progress:
                        progress(f"Reading {plan.connector.title}: {Path(plan.path).name}", done, total)
                elif isinstance(record, LocationPoint):
                    output.locations.append(record)
                    summary.items += 1
                elif isinstance(record, Item):
                    output.items.append(record)
                    summary.items += 1
                else:
                    output.accounts.append(record)
        except OSError as exc:  # e.g. the archive became unreadable half-way through
            summary.status, summary.state = "rejected", LedgerState.COULD_NOT_READ
            summary.reason = f"reading stopped part-way ({exc.strerror or exc})"
        finally:
            plan.source.close()
        output.inputs.append(summary)
        if progress:
            progress("Reading exports", index + 1, len(plans))
    return output


class Analysis(NamedTuple):
    findings: list[Finding]
    analyzers: list[AnalyzerInfo]
    opening: list[tuple[Finding, IdentifyingClue]]  # empty unless the profile says undercover


def analyze(accounts: list[Account], items: list[Item], profile: AgencyProfile, policy: Policy,
            progress: Progress | None = None, locations: LocationTrail | None = None,
            visuals: dict[MediaRef, VisualFeatures] | None = None,
            frames: dict[MediaRef, tuple[VisualFeatures, ...]] | None = None) -> Analysis:
    ctx = AuditContext(accounts=accounts, items=items, profile=profile, locations=locations or LocationTrail(),
                       visuals=visuals or {}, frames=frames or {})
    accuracy = detector_accuracy()
    findings: list[Finding] = []
    clues: dict[str, IdentifyingClue] = {}  # judged on each check's own rating, before undercover grading
    infos: list[AnalyzerInfo] = []
    # A setting's visibility says who could see the account, not the setting itself: it raises nothing.
    public = {item.id for item in items if item.visibility == Visibility.PUBLIC and item.kind != ItemKind.SETTING}
    authors = authors_by_item(items)
    analyzers = all_analyzers()
    for index, analyzer in enumerate(analyzers.values()):
        figures = accuracy.get(analyzer.name) or {}
        if not profile.is_generic and isinstance(figures.get("with_profile"), dict):
            figures = figures["with_profile"]  # measured the way this audit runs: with the agency's profile
        info = AnalyzerInfo(analyzer.name, analyzer.description, figures.get("precision"), figures.get("recall"),
                            str(figures.get("measured_on", "")), f1=figures.get("f1"), limits=analyzer.limits)
        try:
            produced = list(analyzer.analyze(ctx))
        except Exception as exc:  # an analyzer bug must not cost the officer the rest of the audit
            info.error = f"{type(exc).__name__}: {exc}"
            produced = []
        clues.update((f.id, clue) for f in produced if (clue := identifying_clue(f)) is not None)
        findings.extend(_raise_if_public(_file_under_policy(replace(f, precision=info.precision, recall=info.recall),
                                                            policy, profile, authors), public) for f in produced)
        infos.append(info)
        if progress:
            progress("Analysing", index + 1, len(analyzers))
    findings = merge_photo_findings(findings)
    findings.sort(key=lambda f: (policy.order(f.clause), f.severity.rank, f.platform, f.title))
    return Analysis(findings, infos, opening_findings(clues, findings) if profile.undercover else [])


@lru_cache(maxsize=1)
def _default_policy() -> Policy:
    return load_policy()


def undercover_rule(policy: Policy) -> UndercoverRule | None:
    """The policy's own undercover rule, or the default policy's when the file does not set one."""
    return policy.undercover or _default_policy().undercover


RAISED = {Severity.INFO: Severity.LOW, Severity.LOW: Severity.MEDIUM, Severity.MEDIUM: Severity.HIGH, Severity.HIGH: Severity.HIGH}


def _raise_if_public(finding: Finding, public: set[str]) -> Finding:
    """A finding about something the export records as public is one step more severe, and says so (clause 13)."""
    shown = [e for e in finding.evidence if e.item_id in public]
    if not shown:
        return finding
    return replace(finding, severity=RAISED[finding.severity],
                   explanation=finding.explanation + " The export records it as public: anyone could see it, and "
                   "changing the setting now does not un-publish what was already seen, copied or archived.")


def authors_by_item(items: list[Item]) -> dict[str, Person]:
    """Who posted each item someone other than the account owner posted, by item id."""
    return {item.id: item.author for item in items if item.author is not None}


def posters_of(finding: Finding, authors: dict[str, Person]) -> tuple[Person, ...]:
    """The people who posted a finding's items when none of them is the officer's own, else ()."""
    if not finding.evidence or any(e.item_id not in authors for e in finding.evidence):
        return ()
    return tuple(dict.fromkeys(authors[e.item_id] for e in finding.evidence))


def poster_names(posters: tuple[Person, ...]) -> str:
    """"Tomás Ruiz", "Tomás Ruiz and Kelly Brandt", or "Someone else" when the export does not name them."""
    names = list(dict.fromkeys(p.label for p in posters if p.label))
    if not names:
        return "Someone else"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _file_under_policy(finding: Finding, policy: Policy, profile: AgencyProfile,
                       authors: dict[str, Person] | None = None) -> Finding:
    clause = policy.clause_for(finding.topic)
    related = [c for c in policy.related.get(finding.topic, []) if c != clause]
    platforms = [finding.platform] if finding.platform != "several" else sorted({e.platform for e in finding.evidence})
    posters = posters_of(finding, authors or {})
    explanation = finding.explanation
    if posters:  # the officer cannot delete it: the steps are to untag, ask the poster, or report it
        remediation = list(dict.fromkeys(step for p in platforms for step in steps_for_others_content(p)))
        explanation = (f"{poster_names(posters)} posted this, not you, so you cannot delete it: you can remove your tag "
                       f"or name, ask them to take it down, or report it. {explanation}")
    else:
        # Steps the analyzer knows for this very finding (the path to one setting) come before the topic's general ones.
        remediation = list(dict.fromkeys([*finding.remediation, *(step for p in platforms for step in steps_for(finding.topic, p))]))
    severity = finding.severity
    rule = undercover_rule(policy) if profile.undercover else None
    if rule and finding.topic in rule.identifying_topics and policy.clause_for(rule.topic):
        if clause:
            related.insert(0, clause)
        clause = policy.clause_for(rule.topic)
        severity = RAISED[severity]  # graded: a name with an employer stays worse than a support hashtag
        remediation = steps_for(rule.topic, "any") + remediation
    return replace(finding, clause=clause, related_clauses=tuple(related), remediation=tuple(remediation), severity=severity,
                   explanation=explanation)


def _clause_of(policy: Policy, topic: str) -> str:
    """" (clause 13)" for a topic the policy maps, "" otherwise: notes name clauses only through the policy."""
    clause = policy.clause_for(topic)
    return f" (clause {clause})" if clause else ""


VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".avi", ".webm", ".3gp", ".mkv")


def imagery_notes(imagery: "ImageryRun | None", profile: AgencyProfile | None = None) -> list[str]:
    if imagery is None or not imagery.checked:
        return ["Images were not looked at (--no-vision): no photo or video frame was checked for police words, insignia, "
                "faces, explicit content or paperwork, and profile photos were not compared across accounts."]
    unreadable = imagery.unreadable
    looks = ", ".join(imagery.extractors) or "nothing"
    note = (f"Images looked at: {len(imagery.visuals)} ({imagery.scope.value} the exports name), with: {looks}.")
    if profile is not None and not profile.references:
        note += " No reference pictures in the agency profile: the agency's own patch, badge, logo and livery were not looked for."
    if unreadable:
        shown = "; ".join(f"{v.ref.member}: {v.problem}" for v in unreadable[:5])
        note += f" {len(unreadable)} could not be examined, so they were not compared ({shown}{' …' if len(unreadable) > 5 else ''})."
    notes = [note]
    if imagery.frames:
        from imagery.video import MAX_FRAMES, SECONDS_BETWEEN_FRAMES

        sampled = sum(len(f) for f in imagery.frames.values()) - len(imagery.unreadable_videos)
        videos = (f"Videos looked at: {len(imagery.frames)}, {sampled} frame(s) in all (the first frame, the middle one and "
                  f"one every {SECONDS_BETWEEN_FRAMES:g} seconds, at most {MAX_FRAMES} per video): what happens between "
                  "those frames is not seen.")
        skipped = imagery.unreadable_videos
        if skipped:
            shown = "; ".join(f"{v.ref.member}: {v.problem}" for v in skipped[:5])
            videos += f" {len(skipped)} could not be examined ({shown}{' …' if len(skipped) > 5 else ''})."
        notes.append(videos)
    return notes


def coverage_notes(items: list[Item], profile: AgencyProfile, policy: Policy, vision: bool = True) -> list[str]:
    notes = []
    if profile.is_generic:
        notes.append("No agency profile was given: generic law-enforcement vocabulary was used, coworkers could not "
                     "be recognised and photos at your station could not be detected. Add --profile to check those.")
    elif not profile.roster:
        notes.append("The agency profile has no roster, so tagged and mentioned people were not checked against coworkers.")
    tagged = sum(len(i.people) for i in items if i.kind != ItemKind.CONNECTION)
    if tagged and not profile.roster:
        notes.append(f"{tagged} tag(s) or mention(s) of other people were read; without a roster offduty cannot tell "
                     "which of them are coworkers.")
    notes.append("Exports rarely record who could see each post: per-post audience could not be checked"
                 f"{_clause_of(policy, 'privacy_settings')}: never assume friends-only protects anything.")
    videos = sum(1 for i in items for m in i.media if m.mime.startswith("video/") or m.path.lower().endswith(VIDEO_SUFFIXES))
    looked_at = ("Photos, and a few frames of each video, are looked at for police words, your agency's insignia, faces, "
                 f"explicit content and paperwork{_clause_of(policy, 'photo_text')}")
    if not vision:
        looked_at += " when images are looked at; this audit did not look (--no-vision)"
        looked_at += f", so the {videos} video(s) in these exports were not looked at" if videos else ""
    elif videos:
        looked_at += f"; the sound of the {videos} video(s) is not listened to and frames between those taken are not seen"
    notes.append(looked_at + f". Obscene or biased words inside memes{_clause_of(policy, 'speech')} are not judged.")
    rule = undercover_rule(policy)
    if profile.undercover and not (rule and policy.clause_for(rule.topic)):
        notes.append("The agency profile says undercover, but the policy maps no clause for undercover work: identifying "
                     "findings are filed under their own clauses.")
    return notes


def unpublish_statement(policy: Policy | None = None) -> str:
    """The one plain sentence the report owes clause 13: a setting changed today does not reach back."""
    clause = _clause_of(policy, "privacy_history") if policy else ""
    return (f"Changing a privacy setting does not un-publish anything{clause}: whatever was public may already have been "
            "seen, copied, scraped or archived, and a private account still shows everything to every follower. Settings "
            "and platforms keep changing, so never assume that friends-only or private protects what you post.")


def negative_assurance(inputs: list[InputSummary], ledger: list[FileOutcome], infos: list[AnalyzerInfo],
                       findings: list[Finding], profile: AgencyProfile, policy: Policy | None = None) -> list[str]:
    """The closing statement: what was read, which checks ran and how much they catch, what no export shows,
    and a verdict that never says "safe"."""
    read = [i for i in inputs if i.status == "read"]
    parsed = sum(1 for o in ledger if o.state == LedgerState.PARSED)
    unread = sum(1 for o in ledger if o.state in (LedgerState.COULD_NOT_READ, LedgerState.NOT_UNDERSTOOD))
    platforms = sorted({i.platform for i in read})
    lines = [f"Read: {len(read)} export(s) ({', '.join(platforms) or 'none'}); {parsed} file(s) read, {unread} that could "
             "not be read or understood (listed above), and nothing else."]
    measured = [f"{i.name} finds about {i.recall:.0%} of what it looks for" for i in infos if i.recall is not None and not i.error]
    unmeasured = [i.name for i in infos if i.recall is None and not i.error]
    lines.append("Checks that ran: " + "; ".join(measured) + (f"; reported as recorded: {', '.join(unmeasured)}" if unmeasured else "")
                 + ". What a check misses, it misses silently.")
    weak = [i.name for i in infos if i.weakness]
    if weak:
        lines.append(f"Weak checks (see the reliability table): {', '.join(weak)}. Where a weak check found nothing, that "
                     "is not evidence that nothing is there.")
    lines.append(unpublish_statement(policy))
    lines.append("Not seen by this audit: private messages, what other people posted of you that your exports do not list "
                 "(their own photos and posts, tags you removed), copies already scraped or archived, the sound of videos and "
                 "their frames between the few looked at, "
                 "accounts you did not export, and what is public about you today (exports show what you posted, not who "
                 "can see it now).")
    outright = sum(1 for f in findings if f.severity == Severity.HIGH)
    verdict = (f"{outright} finding(s) could identify you outright. " if outright else
               "No finding identifies you outright in what was read. ")
    verdict += ("This is not a statement that you cannot be identified: it says what was checked, how well, and what could "
                "not be seen.")
    if profile.undercover:
        verdict += " For undercover work, treat anything not covered above as unknown, not as clear."
    lines.append(verdict)
    return lines


def topic_notes(policy: Policy) -> list[str]:
    """Warnings for checks whose topics the policy in use does not map or that have no remediation steps.
    (A built-in with such a topic in the default policy cannot load at all; see analyzers.registry.)"""
    notes = []
    for name, analyzer in all_analyzers().items():
        origin = "" if is_builtin(name) else " (from another installed package)"
        for topic in unmapped_topics(analyzer, policy):
            notes.append(f"The {name} check{origin} reports under the topic '{topic}', which the policy '{policy.name}' "
                         "does not map to a clause: its findings are listed under \"Not in this policy\".")
        for topic in topics_without_steps(analyzer):
            notes.append(f"The {name} check{origin} reports under the topic '{topic}', which has no remediation steps: "
                         "its findings come without steps to fix them.")
    return notes


def run_audit(paths: list[Path], profile_path: Path | None = None, progress: Progress | None = None, *,
              jobs: int | None = None, use_cache: bool = True, vision: bool = True) -> AuditResult:
    """The whole audit. `jobs`: worker processes for the media pass and the imagery stage (default:
    every core); `use_cache`: keep and reuse per-file results in the user's cache folder; `vision`:
    look at the images themselves (the imagery stage)."""
    from connectors import ReadSession, Workspace
    from imagery import examine_images, vision_settings

    profile = load_profile(profile_path)
    policy = load_policy(profile.policy_path)
    cache = ResultCache() if use_cache else None
    imagery = None
    with Workspace() as workspace:
        session = ReadSession(workspace, jobs=jobs or default_jobs(), cache=cache)
        read = read_inputs(paths, progress, session)
        if vision:  # while the workspace is open: images are read through it
            imagery = examine_images(read.items, workspace, jobs=session.jobs, cache=cache, progress=progress,
                                     settings=vision_settings(profile))
    if cache is not None:
        cache.close()
    inputs, accounts, items, ledger = read.inputs, read.accounts, read.items, read.ledger
    visuals = imagery.visuals if imagery is not None else {}
    frames = imagery.frames if imagery is not None else {}
    findings, infos, opening = analyze(accounts, items, profile, policy, progress, read.locations, visuals, frames)
    notes = coverage_notes(items, profile, policy, vision) + imagery_notes(imagery, profile) + topic_notes(policy)
    notes += [f"The {i.name} analyzer failed and its checks are missing: {i.error}" for i in infos if i.error]
    return AuditResult(
        version=__version__, generated_at=datetime.now(timezone.utc).replace(microsecond=0), policy=policy,
        profile=profile, inputs=inputs, accounts=accounts, items=items, locations=read.locations, findings=findings, ledger=ledger,
        analyzers=infos, notes=notes, advice=general_advice(),
        assurance=negative_assurance(inputs, ledger, infos, findings, profile, policy),
        visuals=visuals, frames=frames, imagery_checked=imagery is not None, opening=opening,
    )
