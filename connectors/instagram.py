"""Instagram "Download Your Information", JSON.

Posts moved from content/posts_1.json (≈2020–2023) to your_instagram_activity/content|media/posts_1.json;
personal information from account_information/ to personal_information/(personal_information/).
Profile labels are localised (and mojibake-encoded like every Meta string), so they are matched
through a small multilingual table rather than English literals.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable, Iterator

from auditor.model import Account, ConnectionKind, Item, ItemKind, Person, ProfileField, Setting, Visibility

from .base import Connector, NotUnderstood, ParseError, ReadContext, RecordProblem, Rule
from .meta_common import media_text, meta_media
from .meta_html import parse_post_blocks, profile_items
from .registry import register
from .text import fix_meta_json, from_unix

PLATFORM = "instagram"

# Profile labels seen in English, Dutch, German, Spanish, French and Turkish exports.
PROFILE_LABELS: dict[str, tuple[str, ...]] = {
    "username": ("Username", "Gebruikersnaam", "Benutzername", "Nombre de usuario", "Nom d’utilisateur",
                 "Nom d'utilisateur", "Kullanıcı adı"),
    "name": ("Name", "Naam", "Nombre", "Nom", "Ad"),
    "bio": ("Bio", "Biografie", "Biografía", "Biographie", "Biyografi"),
    "email": ("Email", "E-mail", "E-Mail", "Correo electrónico", "Adresse e-mail", "E-posta"),
    "phone": ("Phone Number", "Phone number", "Telefoonnummer", "Telefonnummer", "Número de teléfono",
              "Numéro de téléphone", "Telefon numarası"),
    "website": ("Website", "Sitio web", "Site web", "İnternet sitesi"),
    "private": ("Private Account", "Privéaccount", "Privates Konto", "Cuenta privada", "Compte privé", "Gizli Hesap"),
}
_LABEL_TO_FIELD = {label.casefold(): field for field, labels in PROFILE_LABELS.items() for label in labels}
_TRUE_VALUES = {"true", "waar", "wahr", "verdadero", "vrai", "doğru", "evet", "1", "yes"}


def parse_personal_information(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    data = fix_meta_json(ctx.load_json(path))
    users = data.get("profile_user") if isinstance(data, dict) else None
    if not isinstance(users, list) or not users:
        raise ParseError("no profile_user record in the file")
    string_map = (users[0] or {}).get("string_map_data") or {}
    values: dict[str, str] = {}
    for label, entry in string_map.items():
        field = _LABEL_TO_FIELD.get(label.casefold())
        if field and isinstance(entry, dict):
            values[field] = str(entry.get("value", "")).strip()
    photos = [(label, entry) for label, entry in ((users[0] or {}).get("media_map_data") or {}).items()
              if isinstance(entry, dict) and entry.get("uri")]  # "Profile Photo", under a localised label
    account = Account(platform=PLATFORM, handle=values.get("username", ""), display_name=values.get("name", ""),
                      bio=values.get("bio", ""), emails=[values["email"]] if values.get("email") else [],
                      phones=[values["phone"]] if values.get("phone") else [],
                      websites=[values["website"]] if values.get("website") else [], source=ctx.ref(path),
                      private=values["private"].casefold() in _TRUE_VALUES if "private" in values else None,
                      profile_photo=ctx.media(str(photos[0][1]["uri"])).path if photos else "")
    yield account
    for label, entry in photos:
        yield ctx.item(path, f"profile_user[0].media_map_data.{label}", ItemKind.PROFILE_FIELD, field=ProfileField.PHOTO,
                       media=[ctx.media(str(entry["uri"]))], created_at=from_unix(entry.get("creation_timestamp")))
    for key, field in (("bio", ProfileField.BIO), ("website", ProfileField.WEBSITE), ("email", ProfileField.EMAIL)):
        if values.get(key):
            yield ctx.item(path, f"profile_user[0].{key}", ItemKind.PROFILE_FIELD, text=values[key], field=field)
    if "private" in values:
        yield ctx.item(path, "profile_user[0].private", ItemKind.SETTING, field=Setting.PRIVATE_ACCOUNT,
                       text=values["private"], audience="private" if account.private else "public",
                       visibility=Visibility.LIMITED if account.private else Visibility.PUBLIC)


# The words a privacy change's title (or value) uses for each state, in the languages of the profile table above.
# Meta's file has not been seen in a public sample; its parsers read `title` plus a "Time"/"Zeit" timestamp.
STATE_WORDS: dict[Visibility, tuple[str, ...]] = {
    Visibility.PUBLIC: ("public", "openbaar", "öffentlich", "público", "publico", "publique", "herkese açık", "pubblico"),
    Visibility.LIMITED: ("private", "privé", "prive", "privat", "privado", "privada", "gizli", "privato"),
}
_TIME_LABELS = ("time", "zeit", "tijd", "hora", "heure", "zaman", "date", "datum", "fecha")


def state_of(text: str) -> Visibility | None:
    """PUBLIC or LIMITED from the words of a change record ("Private", "Switched to public"), or None."""
    lowered = text.casefold()
    found = {state for state, words in STATE_WORDS.items() if any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words)}
    if len(found) == 1:
        return found.pop()
    for state, words in STATE_WORDS.items():  # "from public to private": the state after "to"
        if any(re.search(rf"\b(to|naar|zu|auf|a|en)\s+{re.escape(w)}\b", lowered) for w in words):
            return state
    return None


def _entries(record: dict[str, Any]) -> Iterable[tuple[str, Any, Any]]:
    """(label, value, timestamp) of every field of a Meta record, whichever envelope it uses."""
    for label, entry in (record.get("string_map_data") or {}).items():
        if isinstance(entry, dict):
            yield str(label), entry.get("value"), entry.get("timestamp")
    for entry in record.get("string_list_data") or []:
        if isinstance(entry, dict):
            yield "", entry.get("value"), entry.get("timestamp")
    for entry in record.get("label_values") or []:
        if isinstance(entry, dict):
            yield str(entry.get("label", "")), entry.get("value"), entry.get("timestamp_value") or entry.get("timestamp")


def _record_time(record: dict[str, Any]) -> datetime | None:
    dated = [(label, from_unix(stamp)) for label, _, stamp in _entries(record)]
    labelled = [when for label, when in dated if when and label.strip().casefold() in _TIME_LABELS]
    return next(iter(labelled), None) or next((when for _, when in dated if when), None) or \
        from_unix(record.get("timestamp") or record.get("creation_timestamp"))


def _history_records(data: Any, wanted: str) -> list[Any]:
    """The list of records of an account-history file: under the expected key, any one key that names it, or bare."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get(wanted), list):
            return data[wanted]
        lists = [value for key, value in data.items() if isinstance(value, list) and ("history" in key or "privacy" in key)]
        if len(lists) == 1:
            return lists[0]
    raise NotUnderstood("the file does not hold a list of account-history records offduty knows")


def parse_privacy_changes(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    """account_privacy_changes.json (later profile_privacy_changes.json): each switch between public and private."""
    records = _history_records(fix_meta_json(ctx.load_json(path)), "account_history_account_privacy_history")
    for index, record in enumerate(records):
        pointer = f"account_history_account_privacy_history[{index}]"
        if not isinstance(record, dict):
            yield RecordProblem(pointer, "not a privacy-change record")
            continue
        words = [str(record.get("title") or "")] + [str(value) for _, value, _ in _entries(record) if value]
        said = next((w for w in words if state_of(w) is not None), "")
        state = state_of(said)
        if state is None:
            shown = next((w for w in words if w), "(nothing)")
            yield RecordProblem(pointer, f"could not tell whether “{shown[:40]}” made the account public or private")
            continue
        yield ctx.item(path, pointer, ItemKind.SETTING, field=Setting.PRIVACY_CHANGE, text=said,
                       created_at=_record_time(record), visibility=state,
                       audience="public" if state == Visibility.PUBLIC else "private")


def parse_signup(ctx: ReadContext, path: str) -> Iterator[Account]:
    """signup_information.json (later signup_details.json): only when the account was opened is kept."""
    records = _history_records(fix_meta_json(ctx.load_json(path)), "account_history_registration_info")
    created = [when for when in (_record_time(r) for r in records if isinstance(r, dict)) if when]
    if not created:
        raise NotUnderstood("no sign-up time in the file")
    yield Account(platform=PLATFORM, created_at=min(created), source=ctx.ref(path))


def _post_items(ctx: ReadContext, path: str, posts: list[Any], kind: ItemKind, key: str = "") -> Iterator[Item | RecordProblem]:
    for index, post in enumerate(posts):
        pointer = f"{key}[{index}]" if key else f"[{index}]"
        if not isinstance(post, dict):
            yield RecordProblem(pointer, "not a post record")
            continue
        media_objs = post.get("media") if isinstance(post.get("media"), list) else [post]
        media = [meta_media(ctx, m) for m in media_objs if isinstance(m, dict)]
        texts = [str(post.get("title", "")).strip()] + [media_text(m) for m in media_objs if isinstance(m, dict)]
        text = "\n".join(dict.fromkeys(t for t in texts if t))
        created = from_unix(post.get("creation_timestamp"))
        if created is None:
            created = next((from_unix(m.get("creation_timestamp")) for m in media_objs if isinstance(m, dict)
                            and from_unix(m.get("creation_timestamp"))), None)
        yield ctx.item(path, pointer, kind, text=text, media=media, created_at=created)


def parse_posts(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    data = fix_meta_json(ctx.load_json(path))
    if isinstance(data, dict):
        data = data.get("ig_posts") or data.get("posts")
    if not isinstance(data, list):
        raise ParseError("expected a list of posts")
    yield from _post_items(ctx, path, data, ItemKind.POST)


def parse_stories(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    data = fix_meta_json(ctx.load_json(path))
    stories = data.get("ig_stories") if isinstance(data, dict) else data
    if not isinstance(stories, list):
        raise ParseError("expected a list of stories")
    yield from _post_items(ctx, path, stories, ItemKind.STORY, "ig_stories")


def parse_reels(ctx: ReadContext, path: str) -> Iterator[Item | RecordProblem]:
    data = fix_meta_json(ctx.load_json(path))
    reels = data.get("ig_reels_media") if isinstance(data, dict) else data
    if not isinstance(reels, list):
        raise ParseError("expected a list of reels")
    yield from _post_items(ctx, path, reels, ItemKind.VIDEO, "ig_reels_media")


def parse_comments(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = fix_meta_json(ctx.load_json(path))
    records = data.get("comments_media_comments") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise ParseError("expected a list of comments")
    for index, record in enumerate(records):
        values = (record or {}).get("string_map_data") or {}
        comment = (values.get("Comment") or {}).get("value", "")
        owner = (values.get("Media Owner") or {}).get("value", "")
        when = (values.get("Time") or {}).get("timestamp")
        if comment:
            yield ctx.item(path, f"[{index}]", ItemKind.COMMENT, text=str(comment), created_at=from_unix(when),
                        people=[Person(handle=owner)] if owner else [])


def parse_relationships(ctx: ReadContext, path: str) -> Iterator[Item]:
    data = fix_meta_json(ctx.load_json(path))
    if isinstance(data, dict):
        data = next((v for k, v in data.items() if k.startswith("relationships_")), None)
    if not isinstance(data, list):
        raise ParseError("expected a list of accounts")
    # Both lists live in followers_and_following/: the file's own name says which one this is.
    relation = ConnectionKind.FOLLOWER if path.rsplit("/", 1)[-1].startswith("followers") else ConnectionKind.FOLLOWING
    for index, record in enumerate(data):
        for entry in (record or {}).get("string_list_data") or []:
            handle = entry.get("value") or record.get("title") or ""
            if handle:
                yield ctx.item(path, f"[{index}]", ItemKind.CONNECTION, field=relation,
                            people=[Person(handle=handle)], created_at=from_unix(entry.get("timestamp")))


def parse_personal_information_html(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    yield from profile_items(ctx, path, {label.casefold(): field for label, field in _LABEL_TO_FIELD.items()})


_ACTIVITY = r"^(your_instagram_activity/)?"


@register
class InstagramConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Instagram"
    signatures = (
        _ACTIVITY + r"(content|media)/posts_\d+\.(json|html)$",
        r"^(account_information|personal_information(/personal_information)?)/personal_information\.json$",
        r"^your_instagram_activity/",
        r"^connections/followers_and_following/",
    )
    rules = (
        Rule(r"^(account_information|personal_information(/personal_information)?)/personal_information\.json$",
             parse_personal_information),
        Rule(_ACTIVITY + r"(content|media)/posts_\d+\.json$", parse_posts),
        Rule(r"^(account_information|personal_information(/personal_information)?)/personal_information\.html$",
             parse_personal_information_html),
        Rule(_ACTIVITY + r"(content|media)/posts_\d+\.html$", parse_post_blocks(ItemKind.POST)),
        Rule(_ACTIVITY + r"(content|media)/stories\.html$", parse_post_blocks(ItemKind.STORY)),
        Rule(_ACTIVITY + r"comments/post_comments(_\d+)?\.html$", parse_post_blocks(ItemKind.COMMENT)),
        Rule(_ACTIVITY + r"(content|media)/stories\.json$", parse_stories),
        Rule(_ACTIVITY + r"(content|media)/reels\.json$", parse_reels),
        Rule(_ACTIVITY + r"comments/post_comments(_\d+)?\.json$", parse_comments),
        Rule(r"^(connections/)?followers_and_following/(followers(_\d+)?|following)\.json$", parse_relationships),
        Rule(r"(^|/)(account|profile)_privacy_changes\.json$", parse_privacy_changes),
        Rule(r"(^|/)signup_(information|details)\.json$", parse_signup),
        Rule(r"\.(jpe?g|png|gif|webp|heic|mp4|mov)$", media=True),
        Rule(r"^(ads_information|ads_and_topics|ads_and_businesses)/", None, "advertising data; nothing you published"),
        Rule(r"^(security_and_login_information|logged_information)/", None, "login and security logs stay private to you"),
        Rule(_ACTIVITY + r"(messages|likes|saved|story_sticker_interactions)/", None,
             "messages, likes and saved items are not audited in this version"),
        Rule(r"^(preferences|apps_and_websites_off_of_instagram|your_topics)/", None, "preferences and inferred topics"),
    )
