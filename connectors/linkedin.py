"""LinkedIn "Get a copy of your data": a flat zip of CSV files.

Positions.csv (employer and title: the highest-risk fields), Profile.csv (headline, summary),
Connections.csv (which opens with a "Notes:" preamble; the URL column appeared after 2022),
Shares.csv (posts, with the only per-post Visibility field of any export), Comments.csv,
Email Addresses.csv, PhoneNumbers.csv, Rich Media.csv, Education.csv, Skills.csv.
What other people wrote about you: Recommendations_Received.csv (First Name, Last Name, Company, Job Title,
Text, Creation Date "07/21/09, 12:11 PM", Status VISIBLE or HIDDEN) and Endorsement_Received_Info.csv
(Endorsement Date "2021/08/01 10:00:00 UTC", Skill Name, Endorser First/Last Name, Endorser Public Url,
Endorsement Status), as read by tonypine/job-search-hub server/internal/linkedinexport/vouching.go.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

from auditor.model import Account, ConnectionKind, Item, ItemKind, Media, Person, ProfileField, Visibility

from .base import Connector, ReadContext, RecordProblem, Rule
from .registry import register
from .text import parse_formats, parse_iso

PLATFORM = "linkedin"


def linkedin_visibility(value: str) -> Visibility:
    """Shares.csv's Visibility column: MEMBER_NETWORK (connections), PUBLIC / ANYONE, CONNECTIONS ..."""
    lowered = value.strip().lower()
    if lowered in ("public", "anyone", "everyone"):
        return Visibility.PUBLIC
    if lowered in ("member_network", "connections", "connections_only", "network"):
        return Visibility.LIMITED
    return Visibility.UNKNOWN


def parse_date(value: str) -> datetime | None:
    """LinkedIn writes "2024-01-05 14:03:22", "05 Jan 2024", "Jan 2024" or "2024"; all become UTC."""
    return parse_formats(value, "%Y-%m-%d %H:%M:%S", "%d %b %Y", "%b %d, %Y", "%b %Y", "%Y", "%m/%d/%y, %I:%M %p",
                         "%Y/%m/%d %H:%M:%S") \
        or parse_iso(value)


def _rows(ctx: ReadContext, path: str) -> Iterator[tuple[int, dict[str, str]]]:
    frame = ctx.read_csv(path)
    for index, row in enumerate(frame.to_dict("records")):
        if any(str(v).strip() for v in row.values()):
            yield index, {k: str(v).strip() for k, v in row.items()}


def parse_profile(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    for index, row in _rows(ctx, path):
        name = " ".join(p for p in (row.get("First Name", ""), row.get("Last Name", "")) if p)
        account = Account(platform=PLATFORM, display_name=name, bio=row.get("Summary", ""),
                          location=row.get("Geo Location", ""), source=ctx.ref(path, f"row {index + 1}"),
                          websites=[w for w in [row.get("Websites", "").strip("[]")] if w])
        yield account
        for column, field in (("Headline", ProfileField.HEADLINE), ("Summary", ProfileField.BIO),
                              ("Industry", ProfileField.INDUSTRY), ("Geo Location", ProfileField.LOCATION),
                              ("Address", ProfileField.ADDRESS), ("Twitter Handles", ProfileField.LINKED_ACCOUNT)):
            if row.get(column):
                yield ctx.item(path, f"row {index + 1}.{column}", ItemKind.PROFILE_FIELD, text=row[column], field=field)


def parse_positions(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    employers: list[str] = []
    job_titles: list[str] = []
    for index, row in _rows(ctx, path):
        company, title = row.get("Company Name", ""), row.get("Title", "")
        if company:
            employers.append(company)
        if title:
            job_titles.append(title)
        text = " at ".join(p for p in (title, company) if p)
        extra = " ".join(p for p in (row.get("Location", ""), row.get("Description", "")) if p)
        current = not row.get("Finished On")
        yield ctx.item(path, f"row {index + 1}", ItemKind.PROFILE_FIELD, field=ProfileField.EMPLOYER,
                    text=f"{text}\n{extra}".strip(), created_at=parse_date(row.get("Started On", "")),
                    audience="current position" if current else "past position")
    yield Account(platform=PLATFORM, employers=employers, job_titles=job_titles, source=ctx.ref(path))


def parse_connections(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        name = " ".join(p for p in (row.get("First Name", ""), row.get("Last Name", "")) if p)
        if name:
            yield ctx.item(path, f"row {index + 1}", ItemKind.CONNECTION, field=ConnectionKind.CONTACT,
                        people=[Person(name=name, platform_id=row.get("URL", ""))],
                        text=" at ".join(p for p in (row.get("Position", ""), row.get("Company", "")) if p),
                        created_at=parse_date(row.get("Connected On", "")))


def parse_shares(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        media = [Media(path=row["MediaUrl"])] if row.get("MediaUrl") else []
        yield ctx.item(path, f"row {index + 1}", ItemKind.POST, text=row.get("ShareCommentary", ""),
                    created_at=parse_date(row.get("Date", "")), url=row.get("ShareLink", ""),
                    audience=row.get("Visibility", ""), media=media, visibility=linkedin_visibility(row.get("Visibility", "")))


def parse_comments(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        yield ctx.item(path, f"row {index + 1}", ItemKind.COMMENT, text=row.get("Message", ""),
                    created_at=parse_date(row.get("Date", "")), url=row.get("Link", ""))


def parse_rich_media(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        link = row.get("Media Link", "")
        yield ctx.item(path, f"row {index + 1}", ItemKind.PHOTO, text=row.get("Media Description", ""),
                    created_at=parse_date(row.get("Date/Time", "")), media=[Media(path=link)] if link else [])


def parse_emails(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    emails = []
    for index, row in _rows(ctx, path):
        if row.get("Email Address"):
            emails.append(row["Email Address"])
            yield ctx.item(path, f"row {index + 1}", ItemKind.PROFILE_FIELD, field=ProfileField.EMAIL, text=row["Email Address"])
    yield Account(platform=PLATFORM, emails=emails, source=ctx.ref(path))


def parse_phones(ctx: ReadContext, path: str) -> Iterator[Account]:
    numbers = [row.get("Number", "") for _, row in _rows(ctx, path)]
    yield Account(platform=PLATFORM, phones=[n for n in numbers if n], source=ctx.ref(path))


def parse_education(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        text = " ".join(p for p in (row.get("School Name", ""), row.get("Degree Name", ""), row.get("Notes", "")) if p)
        if text:
            yield ctx.item(path, f"row {index + 1}", ItemKind.PROFILE_FIELD, field=ProfileField.EDUCATION, text=text)


def parse_skills(ctx: ReadContext, path: str) -> Iterator[Item]:
    names = [row.get("Name", "") for _, row in _rows(ctx, path)]
    if any(names):
        yield ctx.item(path, "all rows", ItemKind.PROFILE_FIELD, field=ProfileField.SKILLS, text=", ".join(n for n in names if n))


def _person(row: dict[str, str], prefix: str = "", url_column: str = "") -> Person:
    name = " ".join(p for p in (row.get(f"{prefix}First Name", ""), row.get(f"{prefix}Last Name", "")) if p)
    return Person(name=name, platform_id=row.get(url_column, "") if url_column else "")


def parse_recommendations_received(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    """Recommendations others wrote for you; LinkedIn shows the VISIBLE ones on your profile."""
    for index, row in _rows(ctx, path):
        if not row.get("Text"):
            yield RecordProblem(f"row {index + 1}", "a recommendation without text")
            continue
        hidden = row.get("Status", "").upper() == "HIDDEN"
        yield ctx.item(path, f"row {index + 1}", ItemKind.POST, text=row["Text"], label="recommendation",
                       created_at=parse_date(row.get("Creation Date", "")), author=_person(row),
                       audience="hidden from your profile" if hidden else "shown on your profile",
                       visibility=Visibility.PRIVATE if hidden else Visibility.UNKNOWN)


def parse_endorsements_received(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    """Skills others endorsed you for: each endorsement is shown with the skill on your profile."""
    for index, row in _rows(ctx, path):
        if not row.get("Skill Name"):
            yield RecordProblem(f"row {index + 1}", "an endorsement without a skill")
            continue
        yield ctx.item(path, f"row {index + 1}", ItemKind.PROFILE_FIELD, field=ProfileField.SKILLS,
                       text=row["Skill Name"], label="skill endorsed by someone else",
                       created_at=parse_date(row.get("Endorsement Date", "")),
                       author=_person(row, "Endorser ", "Endorser Public Url"))


@register
class LinkedInConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "LinkedIn"
    signatures = (r"^Positions\.csv$", r"^Connections\.csv$", r"^Profile\.csv$", r"^Shares\.csv$", r"^Email Addresses\.csv$")
    rules = (
        Rule(r"^Profile\.csv$", parse_profile),
        Rule(r"^Positions\.csv$", parse_positions),
        Rule(r"^Connections\.csv$", parse_connections),
        Rule(r"^Shares\.csv$", parse_shares),
        Rule(r"^Comments\.csv$", parse_comments),
        Rule(r"^Rich[ _]Media\.csv$", parse_rich_media),
        Rule(r"^Email[ _]Addresses\.csv$", parse_emails),
        Rule(r"^Phone ?Numbers\.csv$", parse_phones),
        Rule(r"^Education\.csv$", parse_education),
        Rule(r"^Skills\.csv$", parse_skills),
        Rule(r"^Recommendations_Received\.csv$", parse_recommendations_received),
        Rule(r"^Endorsements?[ _]Received[ _]Info\.csv$", parse_endorsements_received),
        Rule(r"^(messages|guide_messages|learning_coach_messages)\.csv$", None, "private messages are not audited in this version"),
        Rule(r"^(Ad_Targeting|Ads Clicked|LAN Ads Engagement|Inferences_about_you|Job Applicant Saved Answers|"
             r"Saved_Jobs|Job Applications|Job Seeker Preferences|SearchQueries|Learning|Registration|Receipts(_v2)?|"
             r"Invitations|Reactions|Votes|Member_Follows|Company Follows|Endorsement_\w+|Recommendations_\w+|"
             r"Profile Summary|Events|Logins|Security Challenges|Causes You Care About|Languages|Honors|"
             r"Certifications|Courses|Projects|Publications|Patents|Volunteering)\.csv$", None,
             "account activity, ads and extras offduty does not audit in this version"),
    )
