"""X / Twitter archive: data/*.js files of the form `window.YTD.<type>.partN = [ ... ]`.

2019 archives kept the same files at the root, without data/, and tweets in tweet.js; newer ones use
tweets.js and split big archives into tweets-part1.js, ... Every number in the archive is a string.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import PurePosixPath
from typing import Any, Iterator

from auditor.model import (
    Account,
    GeoPoint,
    GeoSource,
    Item,
    ItemKind,
    Media,
    Person,
    Place,
    ProfileField,
    Setting,
    Visibility,
)

from .base import Connector, ParseError, ReadContext, RecordProblem, Rule
from .registry import register
from .text import parse_iso, valid_coordinates

PLATFORM = "x"
_ASSIGNMENT = re.compile(r"^\s*window\.[A-Za-z_$][\w$.]*\s*=\s*", re.S)


def load_ytd(ctx: ReadContext, path: str) -> list[Any]:
    text = ctx.read_text(path)
    match = _ASSIGNMENT.match(text)
    if not match:
        raise ParseError("the file does not start with the archive's `window.YTD... =` line")
    body = text[match.end():].strip().rstrip(";").strip()
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise ParseError(f"the data is broken at line {exc.lineno} (the file may be truncated)") from exc
    if not isinstance(data, list):
        raise ParseError("expected a list of records")
    return data


def _unwrap(record: Any) -> dict[str, Any]:
    if isinstance(record, dict) and len(record) == 1:
        inner = next(iter(record.values()))
        if isinstance(inner, dict):
            return inner
    return record if isinstance(record, dict) else {}


def parse_tweet_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").astimezone(timezone.utc)
    except ValueError:
        return parse_iso(value)


def tweet_geo(tweet: dict[str, Any]) -> Place | None:
    coordinates = (tweet.get("coordinates") or {}).get("coordinates") if isinstance(tweet.get("coordinates"), dict) else None
    if isinstance(coordinates, list) and len(coordinates) == 2:
        coords = valid_coordinates(coordinates[1], coordinates[0])  # GeoJSON order is lon, lat
        if coords:
            place_name = (tweet.get("place") or {}).get("full_name", "") if isinstance(tweet.get("place"), dict) else ""
            return Place(name=place_name, geo=GeoPoint(coords[0], coords[1], GeoSource.TWEET))
    geo = (tweet.get("geo") or {}).get("coordinates") if isinstance(tweet.get("geo"), dict) else None
    if isinstance(geo, list) and len(geo) == 2:
        coords = valid_coordinates(geo[0], geo[1])
        if coords:
            return Place(geo=GeoPoint(coords[0], coords[1], GeoSource.TWEET))
    place = tweet.get("place")
    if isinstance(place, dict) and place.get("full_name"):
        box = ((place.get("bounding_box") or {}).get("coordinates") or [[]])[0]
        points = [valid_coordinates(p[1], p[0]) for p in box if isinstance(p, list) and len(p) == 2]
        points = [p for p in points if p]
        geo_point = None
        if points:
            lats, lons = [p[0] for p in points], [p[1] for p in points]
            # A place is an area: its centre, with the half-diagonal as a rough accuracy.
            half_diag_m = ((max(lats) - min(lats)) ** 2 + (max(lons) - min(lons)) ** 2) ** 0.5 * 111_000 / 2
            geo_point = GeoPoint(sum(lats) / len(lats), sum(lons) / len(lons), GeoSource.TWEET_PLACE,
                                 accuracy_m=round(half_diag_m))
        return Place(name=place["full_name"], geo=geo_point)
    return None


def parse_tweets(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    folder = str(PurePosixPath(path).parent)
    media_dir = f"{folder}/tweets_media" if folder != "." else "tweets_media"
    for index, record in enumerate(load_ytd(ctx, path)):
        tweet = _unwrap(record)
        tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
        if not tweet_id:
            yield RecordProblem(f"[{index}]", "tweet without an id")
            continue
        entities = tweet.get("entities") or {}
        people = [Person(name=m.get("name", ""), handle=m.get("screen_name", ""), platform_id=str(m.get("id_str", "")))
                  for m in entities.get("user_mentions") or [] if isinstance(m, dict)]
        media = []
        extended = (tweet.get("extended_entities") or {}).get("media") or entities.get("media") or []
        for entry in extended:
            if not isinstance(entry, dict):
                continue
            url = str(entry.get("media_url_https") or entry.get("media_url") or "")
            local = f"{media_dir}/{tweet_id}-{PurePosixPath(url).name}" if url else ""
            found = ctx.media(local) if local and ctx.resolve_member(local) else None
            if found is None:
                found = Media(path=url, mime="video/mp4" if entry.get("type") == "video" else "image/jpeg")
            media.append(found)
        yield ctx.item(path, f"[{index}] id {tweet_id}", ItemKind.POST, text=str(tweet.get("full_text") or tweet.get("text") or ""),
                    created_at=parse_tweet_time(tweet.get("created_at")), people=people, media=media,
                    place=tweet_geo(tweet), url=f"https://x.com/i/web/status/{tweet_id}")


def parse_account(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    for index, record in enumerate(load_ytd(ctx, path)):
        account = _unwrap(record)
        acc = Account(platform=PLATFORM, handle=account.get("username", ""),
                      display_name=account.get("accountDisplayName", ""),
                      emails=[account["email"]] if account.get("email") else [],
                      phones=[account["phoneNumber"]] if account.get("phoneNumber") else [],
                      source=ctx.ref(path, f"[{index}]"), created_at=parse_iso(account.get("createdAt")))
        yield acc
        if acc.display_name:
            yield ctx.item(path, f"[{index}].accountDisplayName", ItemKind.PROFILE_FIELD, text=acc.display_name,
                        field=ProfileField.DISPLAY_NAME)
        for email in acc.emails:
            yield ctx.item(path, f"[{index}].email", ItemKind.PROFILE_FIELD, text=email, field=ProfileField.EMAIL)


def profile_media(ctx: ReadContext, path: str, url: str) -> Media:
    """The avatar or header: the copy in profile_media/ (named "<account id>-<the URL's file name>") when the
    archive has it, else the URL alone."""
    folder = str(PurePosixPath(path).parent)
    stem = PurePosixPath(url.split("?")[0]).stem
    if stem:
        for member in ctx.members_starting_with(f"{folder}/profile_media/" if folder != "." else "profile_media/"):
            if PurePosixPath(member).stem.endswith(stem):
                return ctx.media(member)
    return Media(path=url, mime="image/jpeg")


def parse_profile(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    for index, record in enumerate(load_ytd(ctx, path)):
        profile = _unwrap(record)
        description = profile.get("description") or {}
        pictures = {key: profile_media(ctx, path, str(profile[key])) for key in ("avatarMediaUrl", "headerMediaUrl")
                    if profile.get(key)}
        avatar = pictures.get("avatarMediaUrl")
        account = Account(platform=PLATFORM, bio=description.get("bio", ""), location=description.get("location", ""),
                          websites=[description["website"]] if description.get("website") else [],
                          profile_photo=avatar.path if avatar else "", source=ctx.ref(path, f"[{index}]"))
        yield account
        for key, media in pictures.items():
            yield ctx.item(path, f"[{index}].{key}", ItemKind.PROFILE_FIELD, field=ProfileField.PHOTO, media=[media],
                           label="header image" if key == "headerMediaUrl" else "")
        for key, field in (("bio", ProfileField.BIO), ("location", ProfileField.LOCATION), ("website", ProfileField.WEBSITE)):
            if description.get(key):
                yield ctx.item(path, f"[{index}].description.{key}", ItemKind.PROFILE_FIELD,
                               text=str(description[key]), field=field)


# X's data dictionary says only "whether the account is protected or unprotected"; both spellings are accepted.
PROTECTION_ACTIONS = {"protect": Visibility.LIMITED, "protected": Visibility.LIMITED,
                      "unprotect": Visibility.PUBLIC, "unprotected": Visibility.PUBLIC}


def parse_protected_history(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    for index, record in enumerate(load_ytd(ctx, path)):
        entry = _unwrap(record)
        action = str(entry.get("action", ""))
        visibility = PROTECTION_ACTIONS.get(action.strip().lower())
        if visibility is None:
            yield RecordProblem(f"[{index}]", f"the action “{action[:40]}” is neither protect nor unprotect")
            continue
        yield ctx.item(path, f"[{index}]", ItemKind.SETTING, field=Setting.PROTECTED_POSTS, text=action,
                       created_at=parse_iso(entry.get("protectedAt")), visibility=visibility,
                       audience="protected" if visibility == Visibility.LIMITED else "public")


_PREFIX = r"^(data/)?"


@register
class XConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "X"
    signatures = (
        _PREFIX + r"manifest\.js$",
        _PREFIX + r"tweets?(-part\d+)?\.js$",
        _PREFIX + r"account\.js$",
        r"^Your archive\.html$",
    )
    rules = (
        Rule(_PREFIX + r"tweets?(-part\d+)?\.js$", parse_tweets),
        Rule(_PREFIX + r"account\.js$", parse_account),
        Rule(_PREFIX + r"profile\.js$", parse_profile),
        Rule(_PREFIX + r"protected-history\.js$", parse_protected_history),
        Rule(_PREFIX + r"(tweets_media|community_tweet_media|profile_media)/", media=True),
        Rule(_PREFIX + r"manifest\.js$", None, "the archive's table of contents"),
        Rule(_PREFIX + r"README\.txt$", None, "X's description of the archive files"),
        Rule(r"^(Your archive\.html|assets/)", None, "the archive's built-in viewer"),
        Rule(_PREFIX + r"like\.js$", None, "likes are other people's posts; offduty audits what you wrote"),
        Rule(_PREFIX + r"(follower|following|block|mute)\.js$", None, "account ids only, without names"),
        Rule(_PREFIX + r"(direct-message[\w-]*|direct_messages_media/|direct_messages_group_media/)", None,
             "direct messages are not audited in this version"),
        Rule(_PREFIX + r"(ad-[\w-]+|personalization|ip-audit|device-token|connected-application|app|saved-search|"
             r"account-creation-ip|account-timezone|ageinfo|email-address-change|screen-name-change|"
             r"key-registry|periscope-[\w-]+|user-link-clicks|sso|lists-[\w-]+)\.js$", None,
             "account housekeeping and ad data; nothing you published"),
    )
