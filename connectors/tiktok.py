"""TikTok "Download your data": one JSON file (user_data.json, later user_data_tiktok.json), or the
TXT variant (one text file per section, records of "Key: value" lines separated by blank lines).

Section names changed across years (Video → Post, Activity → Your Activity, Profile Information →
Profile Info); both spellings are accepted. Per-video `WhoCanView` is one of the few per-item audience
fields in any export. Described from parsers written against real exports; no public sample exists.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterator

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
    Place,
    ProfileField,
    Setting,
    Visibility,
)

WHO_CAN_VIEW = {"everyone": Visibility.PUBLIC, "public": Visibility.PUBLIC, "friends": Visibility.LIMITED,
                "followers": Visibility.LIMITED, "only me": Visibility.PRIVATE, "private": Visibility.PRIVATE}

from .base import Connector, ParseError, ReadContext, Rule
from .registry import register
from .text import parse_formats, valid_coordinates

PLATFORM = "tiktok"


def parse_time(value: Any) -> datetime | None:
    return parse_formats(str(value or "")[:19], "%Y-%m-%d %H:%M:%S")


def _first(data: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if isinstance(data, dict) and key in data:
            return data[key]
    return {}


def _get(record: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        for candidate in (key, key.lower(), key[:1].lower() + key[1:]):
            if candidate in record:
                return record[candidate]
    return ""


def _videos(ctx: ReadContext, path: str, videos: list[Any], pointer: str) -> Iterator[Item]:
    for index, video in enumerate(videos):
        if not isinstance(video, dict):
            continue
        place_name = str(_get(video, "Location") or "")
        yield ctx.item(path, f"{pointer}[{index}]", ItemKind.VIDEO, text=str(_get(video, "Title") or ""),
                    created_at=parse_time(_get(video, "Date")), url=str(_get(video, "Link") or ""),
                    audience=str(_get(video, "WhoCanView") or ""), place=Place(name=place_name) if place_name else None,
                    visibility=WHO_CAN_VIEW.get(str(_get(video, "WhoCanView") or "").strip().lower(), Visibility.UNKNOWN),
                    people=[Person(handle=h) for h in re.findall(r"@([\w.]+)", str(_get(video, "Title") or ""))])


# SettingsMap keys as parsers of real exports spell them. "Suggest your account to ..." comes as one key
# ("... to others") or one per audience ("... to contacts", "... to Facebook friends", "... to people who open or
# send links to you"); each keeps its own name as the item's label.
TIKTOK_SETTINGS = {"private account": Setting.PRIVATE_ACCOUNT, "allow others to find me": Setting.DISCOVERABLE}
_SUGGESTIONS = "suggest your account to "
ON_VALUES, OFF_VALUES = ("enabled", "on", "true", "yes"), ("disabled", "off", "false", "no")


def tiktok_setting(key: str) -> Setting:
    name = key.strip().casefold()
    return Setting.SUGGEST_ACCOUNT if name.startswith(_SUGGESTIONS) else TIKTOK_SETTINGS.get(name, Setting.OTHER)


def account_visibility(setting: Setting, value: str) -> Visibility:
    """Who could see the videos under the "Private Account" value (Enabled: followers only)."""
    if setting != Setting.PRIVATE_ACCOUNT:
        return Visibility.UNKNOWN
    lowered = value.strip().lower()
    return Visibility.LIMITED if lowered in ON_VALUES else Visibility.PUBLIC if lowered in OFF_VALUES else Visibility.UNKNOWN


def parse_user_data(ctx: ReadContext, path: str) -> Iterator[Account | Item | LocationPoint]:
    data = ctx.load_json(path)
    if not isinstance(data, dict):
        raise ParseError("expected TikTok's user data object")
    profile = _first(_first(data, "Profile"), "Profile Info", "Profile Information").get("ProfileMap", {}) or {}
    account = Account(platform=PLATFORM, handle=str(profile.get("userName", "")), bio=str(profile.get("bioDescription", "")),
                      emails=[profile["emailAddress"]] if profile.get("emailAddress") else [],
                      phones=[profile["telephoneNumber"]] if profile.get("telephoneNumber") else [], source=ctx.ref(path),
                      profile_photo=str(profile.get("profilePhoto") or ""))
    yield account
    if account.profile_photo:  # a link to TikTok's copy: the export holds no image file
        yield ctx.item(path, "Profile.ProfileMap.profilePhoto", ItemKind.PROFILE_FIELD, field=ProfileField.PHOTO,
                       media=[Media(path=account.profile_photo, mime="image/jpeg")])
    if account.bio:
        yield ctx.item(path, "Profile.ProfileMap.bioDescription", ItemKind.PROFILE_FIELD, field=ProfileField.BIO, text=account.bio)
    for email in account.emails:
        yield ctx.item(path, "Profile.ProfileMap.emailAddress", ItemKind.PROFILE_FIELD, field=ProfileField.EMAIL, text=email)
    posts = _first(data, "Post", "Video")
    video_list = _first(_first(posts, "Posts", "Videos"), "VideoList")
    if isinstance(video_list, list):
        yield from _videos(ctx, path, video_list, "Post.Posts.VideoList")
    comments = _first(_first(_first(data, "Comment"), "Comments"), "CommentsList")
    if isinstance(comments, list):
        for index, comment in enumerate(comments):
            if isinstance(comment, dict) and _get(comment, "Comment"):
                yield ctx.item(path, f"Comment.Comments.CommentsList[{index}]", ItemKind.COMMENT,
                            text=str(_get(comment, "Comment")), created_at=parse_time(_get(comment, "Date")))
    activity = _first(data, "Your Activity", "Activity")
    following = _first(_first(activity, "Following", "Following List"), "Following")
    if isinstance(following, list):
        for index, entry in enumerate(following):
            handle = _get(entry, "UserName") if isinstance(entry, dict) else ""
            if handle:
                yield ctx.item(path, f"Following[{index}]", ItemKind.CONNECTION, field=ConnectionKind.FOLLOWING,
                            people=[Person(handle=str(handle))], created_at=parse_time(_get(entry, "Date")))
    location = _first(_first(activity, "Most Recent Location Data"), "LocationData")
    if isinstance(location, dict) and location.get("GpsData"):
        match = re.search(r"(-?\d+\.\d+)\s*,\s*(-?\d+\.\d+)", str(location["GpsData"]))
        coords = valid_coordinates(match.group(1), match.group(2)) if match else None
        if coords:
            yield ctx.location(path, "Most Recent Location Data", GeoPoint(coords[0], coords[1], GeoSource.LOCATION_HISTORY),
                               at=parse_time(location.get("Date")), place_name=str(location.get("LastRegion", "")))
    settings = _first(_first(_first(data, "App Settings"), "Settings"), "SettingsMap")
    if isinstance(settings, dict):
        for key, value in settings.items():
            setting = tiktok_setting(str(key))
            yield ctx.item(path, f"App Settings.Settings.SettingsMap.{key}", ItemKind.SETTING, field=setting, label=str(key),
                           text=str(value), visibility=account_visibility(setting, str(value)))


def _txt_records(text: str) -> list[dict[str, str]]:
    records = []
    for block in re.split(r"\r?\n\s*\r?\n", text):
        record: dict[str, str] = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                record[key.strip().rstrip(":")] = value.strip().lstrip(":").strip()
        if record:
            records.append(record)
    return records


def parse_txt_profile(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    values = {k.lower(): v for r in _txt_records(ctx.read_text(path)) for k, v in r.items()}
    bio = values.get("bio description") or values.get("biodescription") or values.get("bio", "")
    account = Account(platform=PLATFORM, handle=values.get("username", ""), bio=bio, source=ctx.ref(path))
    yield account
    if bio:
        yield ctx.item(path, "Bio", ItemKind.PROFILE_FIELD, field=ProfileField.BIO, text=bio)


def parse_txt_posts(ctx: ReadContext, path: str) -> Iterator[Item]:
    yield from _videos(ctx, path, [{k.replace(" ", ""): v for k, v in r.items()} for r in _txt_records(ctx.read_text(path))], "records")


def parse_txt_comments(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, record in enumerate(_txt_records(ctx.read_text(path))):
        if record.get("Comment"):
            yield ctx.item(path, f"records[{index}]", ItemKind.COMMENT, text=record["Comment"], created_at=parse_time(record.get("Date")))


@register
class TikTokConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "TikTok"
    signatures = (r"^user_data(_tiktok)?\.json$", r"^(Profile Info|Profile|Post|Posts|Video|Comments)\.txt$",
                  r"^(Activity|Your Activity)/", r"^Browsing History\.txt$")
    rules = (
        Rule(r"^user_data(_tiktok)?\.json$", parse_user_data),
        Rule(r"^(?:[^/]+/)*(Profile Info|Profile)\.txt$", parse_txt_profile),
        Rule(r"^(?:[^/]+/)*(Post|Posts|Video|Videos)\.txt$", parse_txt_posts),
        Rule(r"^(?:[^/]+/)*Comments?\.txt$", parse_txt_comments),
        Rule(r"^(?:[^/]+/)*(Direct Messages?|Chat History.*)\.txt$", None, "private messages are not audited in this version"),
        Rule(r"^(?:[^/]+/)*(Browsing History|Video Browsing History|Watch History|Search History|Searches|Like List|Likes|"
             r"Favorite \w+|Share History|Login History|Status|Hashtag|Block List|Follower|Follower List|Following|"
             r"Following List|Settings|Ads?.*|Off TikTok Activity|Purchase.*|Most Recent Location Data|Location Reviews?|"
             r"Live.*|Recently Deleted.*|Shopping.*|Autofill|Customer Support History)\.txt$", None,
             "activity and settings sections of the TXT export that offduty does not audit in this version"),
    )
