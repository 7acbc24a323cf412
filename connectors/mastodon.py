"""Mastodon: the account archive (a .tar.gz with outbox.json, actor.json, media) and the CSV exports.

Audience is not a field in ActivityStreams: it follows from how each post is addressed (public: `to`
holds the Public collection; unlisted: Public in `cc`; followers-only: the followers collection;
direct: only the people mentioned).
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any, Iterator

from bs4 import BeautifulSoup

from auditor.model import Account, ConnectionKind, Item, ItemKind, Person, ProfileField, Setting, Visibility

from .base import Connector, ParseError, ReadContext, RecordProblem, Rule
from .registry import register
from .text import parse_iso

PLATFORM = "mastodon"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
PUBLIC_ALIASES = {PUBLIC, "as:Public", "Public"}


def html_text(value: Any) -> str:
    if not value:
        return ""
    soup = BeautifulSoup(str(value), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for paragraph in soup.find_all("p"):
        paragraph.append("\n")
    return soup.get_text().strip()


VISIBILITY = {"public": Visibility.PUBLIC, "unlisted": Visibility.PUBLIC, "followers only": Visibility.LIMITED,
              "direct (mentioned people only)": Visibility.PRIVATE}


def audience(to: Any, cc: Any) -> str:
    to_set = set(to if isinstance(to, list) else [to] if to else [])
    cc_set = set(cc if isinstance(cc, list) else [cc] if cc else [])
    if to_set & PUBLIC_ALIASES:
        return "public"
    if cc_set & PUBLIC_ALIASES:
        return "unlisted"
    if any(str(a).endswith("/followers") for a in to_set):
        return "followers only"
    return "direct (mentioned people only)"


def parse_outbox(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    data = ctx.load_json(path)
    activities = data.get("orderedItems") if isinstance(data, dict) else None
    if not isinstance(activities, list):
        raise ParseError("expected an ActivityStreams collection with orderedItems")
    for index, activity in enumerate(activities):
        if not isinstance(activity, dict):
            yield RecordProblem(f"orderedItems[{index}]", "not an activity")
            continue
        note = activity.get("object")
        if activity.get("type") != "Create" or not isinstance(note, dict):
            continue  # boosts (Announce) carry only another server's URI
        people = [Person(handle=str(tag.get("name", "")).lstrip("@"), platform_id=str(tag.get("href", "")))
                  for tag in note.get("tag") or [] if isinstance(tag, dict) and tag.get("type") == "Mention"]
        media = []
        for attachment in note.get("attachment") or []:
            if isinstance(attachment, dict) and attachment.get("url"):
                found = ctx.media(str(attachment["url"]).lstrip("/"))
                media.append(replace(found, mime=found.mime or str(attachment.get("mediaType", ""))))
        text = "\n".join(p for p in (str(note.get("summary") or ""), html_text(note.get("content"))) if p)
        yield ctx.item(path, f"orderedItems[{index}]", ItemKind.COMMENT if note.get("inReplyTo") else ItemKind.POST,
                    text=text, created_at=parse_iso(note.get("published") or activity.get("published")),
                    url=str(note.get("url") or note.get("id") or ""), people=people, media=media,
                    audience=(seen := audience(activity.get("to") or note.get("to"), activity.get("cc") or note.get("cc"))),
                    visibility=VISIBILITY.get(seen, Visibility.UNKNOWN))


def parse_actor(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    actor = ctx.load_json(path)
    if not isinstance(actor, dict) or actor.get("type") not in ("Person", "Service", "Application", "Group", "Organization"):
        raise ParseError("expected an ActivityStreams actor")
    bio = html_text(actor.get("summary"))
    # The avatar (icon) and header (image): files beside actor.json, named by a relative url.
    pictures = {key: ctx.media(str(actor[key]["url"])) for key in ("icon", "image")
                if isinstance(actor.get(key), dict) and actor[key].get("url")}
    account = Account(platform=PLATFORM, handle=str(actor.get("preferredUsername", "")), display_name=str(actor.get("name", "")),
                      bio=bio, source=ctx.ref(path), private=bool(actor.get("manuallyApprovesFollowers")),
                      profile_photo=pictures["icon"].path if "icon" in pictures else "")
    yield account
    for key, media in pictures.items():
        yield ctx.item(path, f"{key}.url", ItemKind.PROFILE_FIELD, field=ProfileField.PHOTO, media=[media],
                       label="header image" if key == "image" else "")
    if account.display_name:
        yield ctx.item(path, "name", ItemKind.PROFILE_FIELD, field=ProfileField.DISPLAY_NAME, text=account.display_name)
    if bio:
        yield ctx.item(path, "summary", ItemKind.PROFILE_FIELD, field=ProfileField.BIO, text=bio)
    for index, prop in enumerate(actor.get("attachment") or []):
        if isinstance(prop, dict) and prop.get("type") == "PropertyValue":
            label, value = str(prop.get("name", "")), html_text(prop.get("value"))
            is_job = label.strip().lower() in ("work", "employer", "job", "occupation", "works at")
            yield ctx.item(path, f"attachment[{index}]", ItemKind.PROFILE_FIELD,
                           field=ProfileField.EMPLOYER if is_job else ProfileField.BIO, text=f"{label}: {value}")
    for key, setting in (("manuallyApprovesFollowers", Setting.APPROVE_FOLLOWERS), ("discoverable", Setting.DISCOVERABLE),
                         ("indexable", Setting.INDEXABLE)):
        if key in actor:
            yield ctx.item(path, key, ItemKind.SETTING, field=setting, text=str(actor[key]).lower())


def _csv_rows(ctx: ReadContext, path: str) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(ctx.read_text(path))) if any(cell.strip() for cell in row)]


def parse_following(ctx: ReadContext, path: str) -> Iterator[Item]:
    rows = _csv_rows(ctx, path)
    if rows and rows[0] and rows[0][0].strip().lower() == "account address":
        rows = rows[1:]
    for index, row in enumerate(rows):
        yield ctx.item(path, f"row {index + 1}", ItemKind.CONNECTION, field=ConnectionKind.FOLLOWING, people=[Person(handle=row[0].strip())])


def parse_lists(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in enumerate(_csv_rows(ctx, path)):
        if len(row) >= 2:
            yield ctx.item(path, f"row {index + 1}", ItemKind.CONNECTION, field=ConnectionKind.LIST_MEMBER, label=f"list: {row[0]}",
                        people=[Person(handle=row[1].strip())], text=row[0])


@register
class MastodonConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Mastodon"
    signatures = (r"^outbox\.json$", r"^actor\.json$", r"^(following_accounts|muted_accounts|blocked_accounts)\.csv$")
    rules = (
        Rule(r"^outbox\.json$", parse_outbox),
        Rule(r"^actor\.json$", parse_actor),
        Rule(r"^following_accounts\.csv$", parse_following),
        Rule(r"^lists\.csv$", parse_lists),
        Rule(r"^(likes|bookmarks)\.json$", None, "addresses of other people's posts only"),
        Rule(r"^(muted_accounts|blocked_accounts|blocked_domains)\.csv$", None, "whom you mute or block is not shown to others"),
        Rule(r"^bookmarks\.csv$", None, "addresses of other people's posts only"),
        Rule(r"^(custom_filters|filters)\.json$", None, "your own content filters"),
        Rule(r"^(avatar|header)\.\w+$", media=True),
        Rule(r"^media_attachments/", media=True),
    )
