"""Snapchat "My Data": json/*.json and/or html/*.html (the user picks), plus Memories.

Memories carry a location string ("Latitude, Longitude: 12.3, -45.6") from about 2024;
location_history.json holds Snap's own guess of your home and workplace ("Home & Work") as well as
a location trail. Coordinates are strings with a ± accuracy. Formats here follow the parsers and the
structure of real files described in the project's research notes; no public sample file exists.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterator

from bs4 import BeautifulSoup

from auditor.model import (
    Account,
    ConnectionKind,
    GeoPoint,
    GeoSource,
    Item,
    ItemKind,
    LocationPoint,
    Media,
    Person,
    PlaceLabel,
    ProfileField,
)

from .base import Connector, ParseError, ReadContext, Rule
from .registry import register
from .text import parse_formats, valid_coordinates

PLATFORM = "snapchat"
COORDS = re.compile(r"(-?\d{1,3}\.\d+)\s*(?:±\s*([\d.]+)\s*m(?:eters)?)?\s*,\s*(?:long\s*)?(-?\d{1,3}\.\d+)(?:\s*±\s*([\d.]+))?")
LAT_LONG = re.compile(r"lat\s*(-?\d{1,3}\.\d+)\s*(?:±\s*([\d.]+)\s*m\w*)?\s*,\s*long\s*(-?\d{1,3}\.\d+)", re.I)


def parse_time(value: Any) -> datetime | None:
    return parse_formats(value, "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d")


def parse_point(text: Any, source: GeoSource) -> GeoPoint | None:
    """"lat 12.3 ± 19.4 meters, long -45.6 ± 19.4 meters", "12.3 ± 39.6 meters, -45.6 ± 39.6 meters"
    or "Latitude, Longitude: 12.3, -45.6"."""
    value = str(text or "")
    if ":" in value and "Latitude" in value:
        value = value.split(":", 1)[1]
    match = LAT_LONG.search(value) or COORDS.search(value)
    if not match:
        return None
    coords = valid_coordinates(match.group(1), match.group(3))
    if coords is None:
        return None
    accuracy = match.group(2) or (match.group(4) if match.lastindex and match.lastindex >= 4 else None)
    return GeoPoint(coords[0], coords[1], source, float(accuracy) if accuracy else None)


def parse_memories(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = ctx.load_json(path)
    saved = data.get("Saved Media") if isinstance(data, dict) else None
    if not isinstance(saved, list):
        raise ParseError("expected a 'Saved Media' list")
    for index, memory in enumerate(saved):
        point = parse_point(memory.get("Location"), GeoSource.SNAP_MEMORY)
        kind = ItemKind.VIDEO if str(memory.get("Media Type", "")).lower() in ("video",) else ItemKind.PHOTO
        media = Media(path=str(memory.get("Media Download Url") or memory.get("Download Link") or ""),
                      geo=[point] if point else [])
        yield ctx.item(path, f"Saved Media[{index}]", kind, created_at=parse_time(memory.get("Date")), media=[media])


SNAP_LABELS = {"Home": PlaceLabel.HOME, "Work": PlaceLabel.WORK}


def parse_location_history(ctx: ReadContext, path: str) -> Iterator[Item | LocationPoint]:
    data = ctx.load_json(path)
    if not isinstance(data, dict):
        raise ParseError("expected a location history object")
    home_work = data.get("Home & Work") or {}
    for label, place_label in SNAP_LABELS.items():
        point = parse_point(home_work.get(label), GeoSource.SNAP_INFERENCE)
        if point:
            yield ctx.location(path, f"Home & Work.{label}", point, label=place_label,
                               place_name=f"Snapchat's guess of your {label.lower()}")
    for index, entry in enumerate(data.get("Location History") or []):
        point = parse_point(entry.get("Latitude, Longitude"), GeoSource.LOCATION_HISTORY)
        if point:
            yield ctx.location(path, f"Location History[{index}]", point, at=parse_time(entry.get("Time")))
    for section in ("Daily Top Locations", "Top Locations Per Six-Day Period"):
        for index, group in enumerate(data.get(section) or []):
            entries = group if isinstance(group, list) else [group]
            for entry in entries:
                for key, value in (entry or {}).items():
                    point = parse_point(value, GeoSource.LOCATION_HISTORY)
                    if point:
                        yield ctx.location(path, f"{section}[{index}]", point,
                                           at=parse_time(key.replace("Date:", "").strip()), text=section)
    for section in ("Frequent Locations", "Latest Location"):
        for index, place in enumerate(data.get(section) or []):
            if isinstance(place, dict):
                text = ", ".join(str(place[k]) for k in ("City", "Region", "Country") if place.get(k))
                yield ctx.item(path, f"{section}[{index}]", ItemKind.PROFILE_FIELD, text=text,
                               field=ProfileField.PLATFORM_PLACE, label=section)


def parse_account(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    data = ctx.load_json(path)
    basic = (data.get("Basic Information") or {}) if isinstance(data, dict) else {}
    if not basic:
        raise ParseError("no 'Basic Information' section")
    emails = [str(basic[key]) for key in ("Email", "Email Address") if basic.get(key)]
    account = Account(platform=PLATFORM, handle=str(basic.get("Username", "")), display_name=str(basic.get("Name", "")),
                      emails=emails, source=ctx.ref(path))
    yield account
    if account.display_name:
        yield ctx.item(path, "Basic Information.Name", ItemKind.PROFILE_FIELD, field=ProfileField.DISPLAY_NAME,
                       text=account.display_name)
    for email in account.emails:
        yield ctx.item(path, "Basic Information.Email", ItemKind.PROFILE_FIELD, field=ProfileField.EMAIL, text=email)


def parse_friends(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = ctx.load_json(path)
    if not isinstance(data, dict):
        raise ParseError("expected friend lists")
    for index, friend in enumerate(data.get("Friends") or []):
        if isinstance(friend, dict):
            yield ctx.item(path, f"Friends[{index}]", ItemKind.CONNECTION, field=ConnectionKind.FRIEND,
                        people=[Person(name=str(friend.get("Display Name", "")), handle=str(friend.get("Username", "")))],
                        created_at=parse_time(friend.get("Creation Timestamp")))


def _html_rows(ctx: ReadContext, path: str) -> list[list[str]]:
    soup = BeautifulSoup(ctx.read_text(path), "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])] for row in soup.find_all("tr")]


def parse_memories_html(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, cells in enumerate(_html_rows(ctx, path)):
        when = next((parse_time(c) for c in cells if parse_time(c)), None)
        if when is None:
            continue
        point = next((p for p in (parse_point(c, GeoSource.SNAP_MEMORY) for c in cells) if p), None)
        kind = ItemKind.VIDEO if any(c.strip().lower() == "video" for c in cells) else ItemKind.PHOTO
        yield ctx.item(path, f"tr[{index}]", kind, created_at=when, media=[Media(path="", geo=[point] if point else [])])


def parse_location_history_html(ctx: ReadContext, path: str) -> Iterator[LocationPoint]:
    for index, cells in enumerate(_html_rows(ctx, path)):
        label = SNAP_LABELS.get(cells[0].strip().capitalize()) if cells else None
        point = parse_point(" ".join(cells), GeoSource.SNAP_INFERENCE if label else GeoSource.LOCATION_HISTORY)
        if point is None:
            continue
        yield ctx.location(path, f"tr[{index}]", point, label=label,
                           at=next((t for t in (parse_time(c) for c in cells) if t), None))


J = r"^json/"
H = r"^html/"


@register
class SnapchatConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Snapchat"
    signatures = (J + r"(memories_history|location_history|snap_history|friends|account)\.json$",
                  H + r"(memories_history|location_history|snap_history|friends|account)\.html$")
    rules = (
        Rule(J + r"memories_history\.json$", parse_memories),
        Rule(J + r"location_history\.json$", parse_location_history),
        Rule(J + r"account\.json$", parse_account),
        Rule(J + r"friends\.json$", parse_friends),
        Rule(H + r"memories_history\.html$", parse_memories_html),
        Rule(H + r"location_history\.html$", parse_location_history_html),
        Rule(r"^(json|html)/(snap_history|chat_history|talk_history|communities|shared_story)\.\w+$", None,
             "private snaps and chats are not audited in this version"),
        Rule(r"^(json|html)/(account_history|login_history|search_history|purchase_history|in_app_surveys|"
             r"ranking|support_history|subscriptions|terms_history|connected_apps|email_campaign_history|"
             r"user_profile|bitmoji|cameos_metadata|snap_map_places_history|statistics|payouts|shop_history|"
             r"spectacles|story_history|snap_pro|memories_history_v2)\.\w+$", None,
             "account housekeeping; nothing published"),
        Rule(r"^(index\.html|html/(friends|account)\.html|html/[^/]+\.css|.*\.css|.*\.js)$", None,
             "page furniture of the export's HTML viewer"),
        Rule(r"^(memories|chat_media)/", media=True),
    )
