"""Facebook "Download Your Information", JSON (2018 to today) and the early-2018 HTML photo pages.

Layouts: category folders at the root (2018–2022: posts/, photos_and_videos/ renamed posts/ in
2022, profile_information/, friends/) and the Accounts Center layout (2023+: your_facebook_activity/,
personal_information/, connections/). Every string is repaired for Meta's mojibake.
Posts other people made on your timeline are read like your own, with the poster as the item's author.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterator

from bs4 import BeautifulSoup

from auditor.model import (
    Account,
    ConnectionKind,
    GeoPoint,
    GeoSource,
    Item,
    ItemKind,
    Media,
    Person,
    Place,
    ProfileField,
)

from .base import Connector, ParseError, ReadContext, RecordProblem, Rule
from .meta_common import media_text, meta_media
from .meta_html import parse_post_blocks, profile_items
from .registry import register
from .text import fix_meta_json, from_unix, valid_coordinates

PLATFORM = "facebook"


def _load(ctx: ReadContext, path: str) -> Any:
    return fix_meta_json(ctx.load_json(path))


def parse_profile(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    data = _load(ctx, path)
    profile = data.get("profile_v2") or data.get("profile") if isinstance(data, dict) else None
    if not isinstance(profile, dict):
        raise ParseError("no profile found in the file")
    name = (profile.get("name") or {}).get("full_name", "")
    emails = list((profile.get("emails") or {}).get("emails") or [])
    phones = [p.get("phone_number", "") for p in profile.get("phone_numbers") or [] if isinstance(p, dict)]
    employers: list[str] = []
    job_titles: list[str] = []
    websites: list[str] = []
    fields: list[tuple[ProfileField, str, str]] = []  # (field, text, pointer)
    for i, work in enumerate(profile.get("work_experiences") or []):
        if isinstance(work, dict):
            employer = work.get("employer") or work.get("name") or ""
            title = work.get("title") or work.get("position") or ""
            if employer:
                employers.append(employer)
            if title:
                job_titles.append(title)
            text = " at ".join(p for p in (title, employer) if p)
            extra = " ".join(str(work.get(k, "")) for k in ("location", "description") if work.get(k))
            fields.append((ProfileField.EMPLOYER, f"{text} {extra}".strip(), f"work_experiences[{i}]"))
        elif isinstance(work, str):
            employers.append(work)
            fields.append((ProfileField.EMPLOYER, work, f"work_experiences[{i}]"))
    for i, school in enumerate(profile.get("education_experiences") or []):
        if isinstance(school, dict) and school.get("name"):
            fields.append((ProfileField.EDUCATION, school["name"], f"education_experiences[{i}]"))
    for key in ("current_city", "hometown"):
        if (profile.get(key) or {}).get("name"):
            fields.append((ProfileField.LOCATION, profile[key]["name"], key))
    for i, email in enumerate(emails):
        fields.append((ProfileField.EMAIL, email, f"emails[{i}]"))
    for i, site in enumerate(profile.get("websites") or []):
        address = site.get("address", "") if isinstance(site, dict) else str(site)
        if address:
            websites.append(address)
            fields.append((ProfileField.WEBSITE, address, f"websites[{i}]"))
    bio = str(profile.get("intro_bio") or "")
    if bio:
        fields.append((ProfileField.BIO, bio, "intro_bio"))
    for i, group in enumerate(profile.get("groups") or []):
        if isinstance(group, dict) and group.get("name"):
            fields.append((ProfileField.GROUP, group["name"], f"groups[{i}]"))
    for i, category in enumerate(profile.get("pages") or []):
        if isinstance(category, dict):
            for j, page in enumerate(category.get("pages") or []):
                fields.append((ProfileField.LIKED_PAGE, str(page), f"pages[{i}].pages[{j}]"))
    for i, member in enumerate(profile.get("family_members") or []):
        if isinstance(member, dict) and member.get("name"):
            fields.append((ProfileField.FAMILY_MEMBER, f"{member['name']} ({member.get('relation', '')})", f"family_members[{i}]"))
    yield Account(platform=PLATFORM, handle=profile.get("username", ""), display_name=name, bio=bio,
                  emails=emails, phones=[p for p in phones if p], employers=employers, job_titles=job_titles,
                  websites=websites, location=(profile.get("current_city") or {}).get("name", ""), source=ctx.ref(path))
    for field, text, pointer in fields:
        yield ctx.item(path, pointer, ItemKind.PROFILE_FIELD, text=text, field=field)


def _place(value: dict[str, Any]) -> Place:
    coordinate = value.get("coordinate") or {}
    coords = valid_coordinates(coordinate.get("latitude"), coordinate.get("longitude"))
    geo = GeoPoint(coords[0], coords[1], GeoSource.CHECK_IN) if coords else None
    address = value.get("address", "")
    if isinstance(address, dict):
        address = ", ".join(str(v) for v in address.values() if v)
    return Place(name=value.get("name", ""), geo=geo, address=str(address or ""))


def parse_posts(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    data = _load(ctx, path)
    posts = data.get("status_updates_v2") or data.get("status_updates") if isinstance(data, dict) else data
    if not isinstance(posts, list):
        raise ParseError("expected a list of posts")
    for index, post in enumerate(posts):
        if not isinstance(post, dict):
            yield RecordProblem(f"[{index}]", "not a post record")
            continue
        yield _post_item(ctx, path, f"[{index}]", post)


# "Tomás Ruiz wrote on your timeline." is the title Facebook gives a post someone else made on yours
# (facebook-schemas posts/other_people's_posts_to_your_timeline.json: the same record as your own posts).
# Titles follow the account's language: one this does not recognise still counts as someone else's post.
WALL_POST_TITLE = re.compile(r"^(?P<name>.+?) (?:wrote|posted|shared [^.]*?) (?:on|to) your (?:timeline|wall|profile)\b", re.I)


def poster_from_title(title: str) -> Person:
    """Who wrote a post on your timeline, from its title; a Person with no name when the title does not say."""
    match = WALL_POST_TITLE.match(title.strip())
    return Person(name=match.group("name").strip()) if match else Person()


def parse_wall_posts(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    """Posts other people made on your timeline: `wall_posts_sent_to_you` holds the list itself (2019 schema)
    or wraps it in `activity_log_data` (2020-2021 exports)."""
    data = _load(ctx, path)
    posts = data.get("wall_posts_sent_to_you") if isinstance(data, dict) else None
    if isinstance(posts, dict):
        posts = posts.get("activity_log_data")
    if not isinstance(posts, list):
        raise ParseError("expected a list of posts other people made on your timeline")
    for index, post in enumerate(posts):
        if not isinstance(post, dict):
            yield RecordProblem(f"[{index}]", "not a post record")
            continue
        yield _post_item(ctx, path, f"[{index}]", post, author=poster_from_title(str(post.get("title", ""))))


def _post_item(ctx: ReadContext, path: str, pointer: str, post: dict[str, Any], author: Person | None = None) -> Item:
    """One post record (your own, or someone else's on your timeline when `author` is given)."""
    texts: list[str] = []
    media: list[Media] = []
    place: Place | None = None
    for entry in post.get("data") or []:
        if isinstance(entry, dict) and entry.get("post"):
            texts.append(str(entry["post"]))
    urls: list[str] = []
    for attachment in post.get("attachments") or []:
        for entry in (attachment or {}).get("data") or []:
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("media"), dict):
                media.append(meta_media(ctx, entry["media"]))
                if media_text(entry["media"]) and media_text(entry["media"]) not in texts:
                    texts.append(media_text(entry["media"]))
            if isinstance(entry.get("place"), dict):
                place = _place(entry["place"])
            context = entry.get("external_context")
            if isinstance(context, dict) and context.get("url"):
                urls.append(str(context["url"]))
            if entry.get("text"):
                texts.append(str(entry["text"]))
    people = [Person(name=t.get("name", "")) if isinstance(t, dict) else Person(name=str(t))
              for t in post.get("tags") or []]
    title = str(post.get("title", ""))
    kind = ItemKind.CHECK_IN if place and not texts and not media else ItemKind.POST
    return ctx.item(path, pointer, kind, text="\n".join(texts) or ("" if author else title),
                    created_at=from_unix(post.get("timestamp")), media=media, place=place,
                    people=people, url=urls[0] if urls else "", author=author)


# Facebook keeps past profile pictures and cover photos as albums of these names (English exports; other
# languages' album names are not known, so their profile pictures are read as ordinary album photos).
PROFILE_ALBUMS = {"profile pictures": "profile picture", "cover photos": "cover photo"}


def parse_album(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = _load(ctx, path)
    if not isinstance(data, dict) or not isinstance(data.get("photos"), list):
        raise ParseError("expected an album with a list of photos")
    album = str(data.get("name", ""))
    profile_label = PROFILE_ALBUMS.get(album.strip().casefold())
    photos: list[Item] = []
    for index, photo in enumerate(data["photos"]):
        if isinstance(photo, dict):
            item = _photo_item(ctx, path, f"photos[{index}]", photo, album)
            photos.append(item)
            yield item
    if profile_label is None:
        return
    for item in photos:
        # The same picture once more, as a profile photo; its location stays with the album photo (counted once).
        yield ctx.item(path, f"{item.source.pointer} as {profile_label}", ItemKind.PROFILE_FIELD, field=ProfileField.PHOTO,
                       label=profile_label, media=[replace(m, geo=()) for m in item.media], created_at=item.created_at)


def _photo_item(ctx: ReadContext, path: str, pointer: str, photo: dict[str, Any], album: str = "") -> Item:
    media = meta_media(ctx, photo)
    text = media_text(photo)
    kind = ItemKind.VIDEO if str(photo.get("uri", "")).lower().endswith((".mp4", ".mov")) else ItemKind.PHOTO
    return ctx.item(path, pointer, kind, text=text or album, media=[media],
                 created_at=from_unix(photo.get("creation_timestamp")) or media.taken_at)


def parse_media_list(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = _load(ctx, path)
    key = next((k for k in ("other_photos_v2", "videos_v2", "photos", "videos") if k in (data or {})), None)
    if key is None:
        raise ParseError("expected a list of photos or videos")
    for index, photo in enumerate(data[key]):
        if isinstance(photo, dict):
            yield _photo_item(ctx, path, f"{key}[{index}]", photo)


def parse_friends(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = _load(ctx, path)
    friends = (data.get("friends_v2") or data.get("friends")) if isinstance(data, dict) else data
    if not isinstance(friends, list):
        raise ParseError("expected a list of friends")
    for index, friend in enumerate(friends):
        if isinstance(friend, dict) and friend.get("name"):
            yield ctx.item(path, f"[{index}]", ItemKind.CONNECTION, field=ConnectionKind.FRIEND,
                        people=[Person(name=friend["name"])], created_at=from_unix(friend.get("timestamp")))


def parse_comments(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = _load(ctx, path)
    comments = (data.get("comments_v2") or data.get("comments")) if isinstance(data, dict) else data
    if not isinstance(comments, list):
        raise ParseError("expected a list of comments")
    for index, record in enumerate(comments):
        if not isinstance(record, dict):
            continue
        for entry in record.get("data") or []:
            comment = (entry or {}).get("comment") if isinstance(entry, dict) else None
            if isinstance(comment, dict) and comment.get("comment"):
                yield ctx.item(path, f"[{index}]", ItemKind.COMMENT, text=str(comment["comment"]),
                            created_at=from_unix(comment.get("timestamp") or record.get("timestamp")))


_HTML_FIELDS = {"taken": "taken", "camera make": "make", "camera model": "model", "upload ip address": "ip"}


def parse_html_photos(ctx: ReadContext, path: str) -> Iterator[Item]:
    """The early-2018 HTML export: one page per album, a block per photo with a metadata table."""
    soup = BeautifulSoup(ctx.read_text(path), "html.parser")
    blocks = soup.select("div.contents div.block") or soup.select("div.block")
    for index, block in enumerate(blocks):
        image = block.find("img")
        values: dict[str, str] = {}
        for row in block.select("table.meta tr"):
            header, cell = row.find("th"), row.find("td")
            if header and cell:
                key = _HTML_FIELDS.get(header.get_text(strip=True).lower())
                if key:
                    values[key] = cell.get_text(strip=True)
        media = Media(path=str(image.get("src", "")) if image else "", mime="image/jpeg",
                      camera=" ".join(v for v in (values.get("make"), values.get("model")) if v),
                      taken_at=from_unix(values.get("taken")), upload_ip=values.get("ip", ""))
        resolved = ctx.resolve_member(media.path)
        if resolved:
            media = ctx.media(resolved)
        text = block.get_text(" ", strip=True) if not block.select("table.meta") else ""
        yield ctx.item(path, f"block[{index}]", ItemKind.PHOTO, text=text, media=[media],
                    created_at=media.taken_at)


FACEBOOK_HTML_LABELS = {"name": "name", "email": "email", "emails": "email", "username": "username",
                        "current city": "location", "hometown": "location", "websites": "website", "bio": "bio",
                        "intro": "bio", "about you": "bio"}


def parse_profile_html(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    yield from profile_items(ctx, path, FACEBOOK_HTML_LABELS)


IGNORED_AREAS = (
    ("ads_information|ads_and_businesses|ads", "advertising data describes Facebook's ad targeting, not what you published"),
    ("apps_and_websites(_off_of_facebook)?", "apps and sites you connected; nothing you published"),
    ("logged_information|security_and_login_information|activity_messages", "logins and security logs stay private to you"),
    ("preferences|your_topics|other_logged_information", "app preferences and inferred topics; nothing you published"),
    ("search(_history)?|search_history", "your searches are not visible to others"),
    ("messages|your_facebook_activity/messages", "private messages are not audited in this version"),
)


@register
class FacebookConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Facebook"
    signatures = (
        r"^(personal_information/)?profile_information/profile_information\.json$",
        r"^your_facebook_activity/",
        r"^(posts|photos_and_videos)/album/\d+\.json$",
        r"^posts/your_posts(_\d+)?\.json$",
        r"^(friends/friends|connections/friends/your_friends)\.json$",
        r"^photos/[^/]+\.html?$",
        r"^your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_\d+\.html$",
        r"^personal_information/profile_information/profile_information\.html$",
    )
    rules = (
        Rule(r"^(personal_information/)?profile_information/profile_information\.json$", parse_profile),
        Rule(r"^(your_facebook_activity/)?posts/your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$", parse_posts),
        Rule(r"^(your_facebook_activity/)?posts/(your_)?status_updates\.json$", parse_posts),
        # The 2019-2022 layout documents this file; the 2023+ one is assumed to keep its name, as the other posts files did.
        Rule(r"^(your_facebook_activity/)?posts/other_people's_posts_to_your_timeline\.json$", parse_wall_posts),
        Rule(r"^(your_facebook_activity/)?(posts|photos_and_videos)/album/\d+\.json$", parse_album),
        Rule(r"^(your_facebook_activity/)?(posts|photos_and_videos)/your_(uncategorized_photos|videos)\.json$", parse_media_list),
        Rule(r"^(friends/friends|connections/friends/your_friends|friends_and_followers/friends)\.json$", parse_friends),
        Rule(r"^(your_facebook_activity/)?comments(_and_reactions)?/comments\.json$", parse_comments),
        Rule(r"^photos/[^/]+\.html?$", parse_html_photos),
        Rule(r"^(personal_information/)?profile_information/profile_information\.html$", parse_profile_html),
        Rule(r"^(your_facebook_activity/)?posts/your_posts(__check_ins__photos_and_videos)?(_\d+)?\.html$",
             parse_post_blocks(ItemKind.POST)),
        Rule(r"^(your_facebook_activity/)?(posts|photos_and_videos)/(album/\d+|your_uncategorized_photos|your_videos)\.html$",
             parse_post_blocks(ItemKind.PHOTO)),
        Rule(r"^(your_facebook_activity/)?comments(_and_reactions)?/comments\.html$", parse_post_blocks(ItemKind.COMMENT)),
        Rule(r"^(connections/friends/your_friends|friends/friends)\.html$", None,
             "the HTML friends list is not read in this version; request the JSON export to check it"),
        Rule(r"\.(jpe?g|png|gif|webp|heic|mp4|mov)$", media=True),
        *(Rule(rf"^(your_facebook_activity/)?({area})/", None, reason) for area, reason in IGNORED_AREAS),
        Rule(r"^(connections/friends|friends)/(received|sent|rejected)_friend_requests|people_you_may_know", None,
             "friend requests and suggestions; not something you published"),
        Rule(r"(^|/)(index\.html?|files/|style\.css|html/)", None, "page furniture of the export's HTML viewer"),
        Rule(r"^(your_facebook_activity/)?comments(_and_reactions)?/(likes_and_reactions|reactions)(_\d+)?\.json$", None,
             "reactions (likes) carry no words of yours"),
    )

