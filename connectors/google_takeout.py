"""Google Takeout (and the on-device Maps Timeline export).

Folder and file names follow the account's language (English and German handled here), and
Google renames files between years, so JSON files are recognised by their shape as well as their
path: Location History Records and Semantic Location History, the on-device Timeline (Android
`Timeline.json`, iOS `location-history.json`), Google Photos sidecars in all their naming variants,
album metadata, My Activity (JSON and HTML), Profile and YouTube comments.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, Iterator

import ijson
from bs4 import BeautifulSoup

from auditor.model import (
    Account,
    GeoPoint,
    GeoSource,
    Item,
    ItemKind,
    LocationPoint,
    Person,
    Place,
    PlaceLabel,
    ProfileField,
    Setting,
)

from .base import Connector, NotUnderstood, ReadContext, RecordProblem, Rule
from .registry import register
from .text import IMAGE_SUFFIXES, VIDEO_SUFFIXES, from_unix, parse_iso, valid_coordinates

PLATFORM = "google"
T = r"^(?:Takeout/)?"
PHOTOS = T + r"(?:Google Photos|Google Fotos|Google Foto)/"
LOCATION = T + r"(?:Location History|Standortverlauf)(?: \(Timeline\))?/"
ACTIVITY = T + r"(?:My Activity|Meine Aktivitäten)/"
YOUTUBE = T + r"YouTube (?:and|und) YouTube Music/"
LATLNG = re.compile(r"(-?\d{1,3}(?:\.\d+)?)\s*°?\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*°?")
STREAM_THRESHOLD = 32 * 1024 * 1024


def _e7(record: dict[str, Any], lat_key: str = "latitudeE7", lon_key: str = "longitudeE7") -> tuple[float, float] | None:
    try:
        return valid_coordinates(int(record[lat_key]) / 1e7, int(record[lon_key]) / 1e7)
    except (KeyError, TypeError, ValueError):
        return None


def _latlng(text: Any) -> tuple[float, float] | None:
    match = LATLNG.search(str(text or "").replace("geo:", ""))
    return valid_coordinates(match.group(1), match.group(2)) if match else None


# Google's own words for "this is your home / workplace", across Takeout, Timeline and My Activity
GOOGLE_LABELS = {"HOME": PlaceLabel.HOME, "TYPE_HOME": PlaceLabel.HOME, "INFERRED_HOME": PlaceLabel.HOME,
                 "WORK": PlaceLabel.WORK, "TYPE_WORK": PlaceLabel.WORK, "INFERRED_WORK": PlaceLabel.WORK}


def _record(ctx: ReadContext, path: str, pointer: str, coords: tuple[float, float] | None, when: datetime | None,
            source: GeoSource, label: str = "", name: str = "", address: str = "", accuracy: float | None = None,
            text: str = "") -> LocationPoint | None:
    if coords is None:
        return None
    return ctx.location(path, pointer, GeoPoint(coords[0], coords[1], source, accuracy), at=when,
                        label=GOOGLE_LABELS.get(label.upper()), text=text, place_name=name, address=address)


# --- Location History (Takeout) ------------------------------------------------------------------
def _records(ctx: ReadContext, path: str, locations: Any) -> Iterator[LocationPoint]:
    for index, loc in enumerate(locations):
        when = parse_iso(loc.get("timestamp")) or from_unix(loc.get("timestampMs"))
        item = _record(ctx, path, f"locations[{index}]", _e7(loc), when, GeoSource.LOCATION_HISTORY,
                       accuracy=float(loc["accuracy"]) if loc.get("accuracy") is not None else None)
        if item:
            yield item


def _semantic(ctx: ReadContext, path: str, objects: list[Any]) -> Iterator[LocationPoint]:
    for index, obj in enumerate(objects):
        visit = obj.get("placeVisit") if isinstance(obj, dict) else None
        if isinstance(visit, dict):
            location = visit.get("location") or {}
            when = parse_iso((visit.get("duration") or {}).get("startTimestamp")) or from_unix(
                (visit.get("duration") or {}).get("startTimestampMs"))
            item = _record(ctx, path, f"timelineObjects[{index}].placeVisit", _e7(location), when, GeoSource.LOCATION_HISTORY,
                           label=str(location.get("semanticType", "")), name=str(location.get("name", "")),
                           address=str(location.get("address", "")))
            if item:
                yield item
            for j, candidate in enumerate(visit.get("otherCandidateLocations") or []):
                if isinstance(candidate, dict) and candidate.get("semanticType", "").startswith(("TYPE_HOME", "TYPE_WORK")):
                    item = _record(ctx, path, f"timelineObjects[{index}].placeVisit.otherCandidateLocations[{j}]",
                                   _e7(candidate), when, GeoSource.LOCATION_HISTORY, label=candidate["semanticType"],
                                   name=str(candidate.get("name", "")))
                    if item:
                        yield item
        segment = obj.get("activitySegment") if isinstance(obj, dict) else None
        if isinstance(segment, dict):
            when = parse_iso((segment.get("duration") or {}).get("startTimestamp"))
            activity = str(segment.get("activityType", ""))
            for end in ("startLocation", "endLocation"):
                item = _record(ctx, path, f"timelineObjects[{index}].activitySegment.{end}", _e7(segment.get(end) or {}),
                               when, GeoSource.LOCATION_HISTORY, text=activity)
                if item:
                    yield item
            paths = (("waypointPath", "waypoints", "latE7", "lngE7"), ("simplifiedRawPath", "points", "latE7", "lngE7"))
            for block, key, lat_key, lon_key in paths:
                for j, point in enumerate((segment.get(block) or {}).get(key) or []):
                    item = _record(ctx, path, f"timelineObjects[{index}].activitySegment.{block}.{key}[{j}]",
                                   _e7(point, lat_key, lon_key), parse_iso(point.get("timestamp")) or when,
                                   GeoSource.LOCATION_HISTORY, text=activity)
                    if item:
                        yield item


# --- On-device Timeline (Android and iOS) --------------------------------------------------------
def _android_timeline(ctx: ReadContext, path: str, data: dict[str, Any]) -> Iterator[LocationPoint]:
    for index, segment in enumerate(data.get("semanticSegments") or []):
        when = parse_iso(segment.get("startTime"))
        visit = (segment.get("visit") or {}).get("topCandidate")
        if isinstance(visit, dict):
            item = _record(ctx, path, f"semanticSegments[{index}].visit", _latlng((visit.get("placeLocation") or {}).get("latLng")),
                           when, GeoSource.TIMELINE, label=str(visit.get("semanticType", "")))
            if item:
                yield item
        activity = segment.get("activity")
        if isinstance(activity, dict):
            for end in ("start", "end"):
                item = _record(ctx, path, f"semanticSegments[{index}].activity.{end}",
                               _latlng((activity.get(end) or {}).get("latLng")), when, GeoSource.TIMELINE)
                if item:
                    yield item
        for j, point in enumerate(segment.get("timelinePath") or []):
            item = _record(ctx, path, f"semanticSegments[{index}].timelinePath[{j}]", _latlng(point.get("point")),
                           parse_iso(point.get("time")) or when, GeoSource.TIMELINE)
            if item:
                yield item
    for index, signal in enumerate(data.get("rawSignals") or []):
        position = signal.get("position") if isinstance(signal, dict) else None
        if isinstance(position, dict):
            item = _record(ctx, path, f"rawSignals[{index}]", _latlng(position.get("LatLng") or position.get("latLng")),
                           parse_iso(position.get("timestamp")), GeoSource.TIMELINE, accuracy=position.get("accuracyMeters"))
            if item:
                yield item
    profile = data.get("userLocationProfile") or {}
    for index, place in enumerate(profile.get("frequentPlaces") or []):
        item = _record(ctx, path, f"userLocationProfile.frequentPlaces[{index}]", _latlng(place.get("placeLocation")),
                       None, GeoSource.TIMELINE, label=str(place.get("label", "")))
        if item:
            yield item


def _ios_timeline(ctx: ReadContext, path: str, entries: list[Any]) -> Iterator[LocationPoint]:
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        when = parse_iso(entry.get("startTime"))
        visit = (entry.get("visit") or {}).get("topCandidate")
        if isinstance(visit, dict):
            label = str(visit.get("semanticType", ""))
            item = _record(ctx, path, f"[{index}].visit", _latlng(visit.get("placeLocation")), when, GeoSource.TIMELINE,
                           label="" if label == "Unknown" else label)
            if item:
                yield item
        activity = entry.get("activity")
        if isinstance(activity, dict):
            for end in ("start", "end"):
                item = _record(ctx, path, f"[{index}].activity.{end}", _latlng(activity.get(end)), when, GeoSource.TIMELINE)
                if item:
                    yield item
        for j, point in enumerate(entry.get("timelinePath") or []):
            offset = point.get("durationMinutesOffsetFromStartTime")
            at = when + timedelta(minutes=float(offset)) if when and offset not in (None, "") else when
            item = _record(ctx, path, f"[{index}].timelinePath[{j}]", _latlng(point.get("point")), at, GeoSource.TIMELINE)
            if item:
                yield item


def _timeline_edits(ctx: ReadContext, path: str, edits: list[Any]) -> Iterator[LocationPoint]:
    for index, edit in enumerate(edits):
        position = (((edit or {}).get("rawSignal") or {}).get("signal") or {}).get("position") or {}
        accuracy = position.get("accuracyMm")
        item = _record(ctx, path, f"timelineEdits[{index}]", _e7(position.get("point") or {}, "latE7", "lngE7"),
                       parse_iso(position.get("timestamp")), GeoSource.LOCATION_HISTORY,
                       accuracy=float(accuracy) / 1000 if accuracy is not None else None)
        if item:
            yield item


# --- Google Photos -------------------------------------------------------------------------------
MEDIA_SUFFIXES = IMAGE_SUFFIXES + VIDEO_SUFFIXES


def _split_sidecar_name(name: str) -> tuple[str, str]:
    """("IMG_1.jpg", "(1)") from "IMG_1.jpg.supplemental-metadata(1).json" and its shortened forms."""
    stem = name[:-5] if name.lower().endswith(".json") else name
    counter = ""
    match = re.search(r"\(\d+\)$", stem)
    if match:
        counter, stem = match.group(0), stem[: match.start()]
    dot = stem.rfind(".")
    tail = stem[dot:].lower() if dot >= 0 else ""
    if len(tail) > 1 and ".supplemental-metadata".startswith(tail) and stem[:dot].lower().endswith(MEDIA_SUFFIXES):
        stem = stem[:dot]
    return stem, counter


def sidecar_media_candidates(sidecar: str, title: str = "") -> list[str]:
    """File names a sidecar may describe. Google appends `.json` or `.supplemental-metadata.json`
    (cut short when the name gets long), moves a duplicate counter `(1)` behind the extension, and
    truncates long base names; the JSON's `title` holds the original name."""
    folder = str(PurePosixPath(sidecar).parent)
    base, counter = _split_sidecar_name(PurePosixPath(sidecar).name)
    candidates = []
    if counter:
        stem, dot, ext = base.rpartition(".")
        candidates.append(f"{stem}{counter}.{ext}" if dot else f"{base}{counter}")
    candidates.append(base)
    if title:
        candidates.append(title)
    prefix = "" if folder == "." else folder + "/"
    return [prefix + c for c in candidates]


def _find_media(ctx: ReadContext, sidecar: str, title: str) -> str | None:
    for candidate in sidecar_media_candidates(sidecar, title):
        if candidate in ctx.members:
            return candidate
    folder = str(PurePosixPath(sidecar).parent)
    base = sidecar_media_candidates(sidecar)[-1]
    stem = PurePosixPath(base).name
    if len(stem) >= 40:  # a truncated name: the media file starts the same way
        for member in ctx.members_starting_with(f"{folder}/{stem}"):
            if member.lower().endswith(MEDIA_SUFFIXES):
                return member
    return None


def _sidecar(ctx: ReadContext, path: str, data: dict[str, Any]) -> Iterator[Item]:
    title = str(data.get("title", ""))
    member = _find_media(ctx, path, title)
    media = ctx.media(member) if member else ctx.media(title)
    for key, source in (("geoDataExif", GeoSource.SIDECAR_EXIF), ("geoData", GeoSource.SIDECAR)):
        block = data.get(key) or {}
        coords = valid_coordinates(block.get("latitude"), block.get("longitude"))
        if coords and all(abs(g.lat - coords[0]) > 1e-6 or abs(g.lon - coords[1]) > 1e-6 for g in media.geo):
            media = media.with_geo(GeoPoint(coords[0], coords[1], source))
    taken = from_unix((data.get("photoTakenTime") or {}).get("timestamp"))
    media = replace(media, taken_at=media.taken_at or taken)
    people = [Person(name=str(p.get("name", ""))) for p in data.get("people") or [] if isinstance(p, dict) and p.get("name")]
    # immich-go (adapters/googlePhotos/json.go) and the real sidecar of DSC_0238.JPG(1).json keep these markers
    # under googlePhotosOrigin; the export names no sharer, so the author is someone unnamed.
    origin = data.get("googlePhotosOrigin") if isinstance(data.get("googlePhotosOrigin"), dict) else {}
    received = any(key in block for block in (data, origin) for key in ("fromPartnerSharing", "fromSharedAlbum"))
    kind = ItemKind.VIDEO if title.lower().endswith(VIDEO_SUFFIXES) or path.lower().endswith(tuple(s + ".json" for s in VIDEO_SUFFIXES)) else ItemKind.PHOTO
    yield ctx.item(path, "", kind, text=str(data.get("description", "")), created_at=taken or from_unix(
        (data.get("creationTime") or {}).get("timestamp")), media=[media], people=people + list(media.people),
        url=str(data.get("url", "")), audience="received from someone else" if received else "",
        author=Person() if received else None)


def _album(ctx: ReadContext, path: str, data: dict[str, Any]) -> Iterator[Item]:
    album = data.get("albumData", data)
    coords = None
    for block in [album.get("geoData") or {}] + [loc for e in album.get("enrichments") or []
                                                   for loc in ((e.get("locationEnrichment") or {}).get("location") or [])]:
        coords = coords or valid_coordinates(block.get("latitude"), block.get("longitude")) or _e7(block)
    if coords:
        yield ctx.item(path, "", ItemKind.POST, text=f"Album: {album.get('title', '')}",
                    place=Place(name=str(album.get("location", "")), geo=GeoPoint(coords[0], coords[1], GeoSource.SIDECAR)),
                    created_at=from_unix((album.get("date") or {}).get("timestamp")))


# --- My Activity, Profile, YouTube --------------------------------------------------------------
def _my_activity(ctx: ReadContext, path: str, records: list[Any]) -> Iterator[LocationPoint]:
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            continue
        for j, info in enumerate(record.get("locationInfos") or []):
            coords = _latlng(re.sub(r"^.*?(?:center=|q=|@)", "", str(info.get("url", ""))))
            label = "HOME" if "home" in str(info.get("name", "") + info.get("source", "")).lower() else ""
            item = _record(ctx, path, f"[{index}].locationInfos[{j}]", coords, parse_iso(record.get("time")),
                           GeoSource.ACTIVITY, label=label, text=str(record.get("title", "")))
            if item:
                yield item


def parse_my_activity_html(ctx: ReadContext, path: str) -> Iterator[LocationPoint]:
    soup = BeautifulSoup(ctx.read_text(path), "html.parser")
    for index, cell in enumerate(soup.select("div.outer-cell")):
        caption = cell.select_one(".mdl-typography--caption")
        if caption is None:
            continue
        for link in caption.find_all("a", href=True):
            coords = _latlng(re.sub(r"^.*?(?:q=|center=|@)", "", link["href"]))
            label_text = (link.previous_sibling or "")
            label = "HOME" if "home" in str(label_text).lower() else ""
            body = cell.select_one(".content-cell")
            item = _record(ctx, path, f"outer-cell[{index}]", coords, None, GeoSource.ACTIVITY, label=label,
                           text=body.get_text(" ", strip=True) if body else "")
            if item:
                yield item


def parse_profile(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    data = ctx.load_json(path)
    if not isinstance(data, dict):
        raise NotUnderstood("not a Google profile")
    name = data.get("displayName") or (data.get("name") or {}).get("formattedName", "")
    emails = [e.get("value", "") for e in data.get("emails") or [] if isinstance(e, dict)]
    yield Account(platform=PLATFORM, display_name=str(name), emails=[e for e in emails if e], source=ctx.ref(path))
    for index, email in enumerate(e for e in emails if e):
        yield ctx.item(path, f"emails[{index}]", ItemKind.PROFILE_FIELD, field=ProfileField.EMAIL, text=email)


def parse_youtube_comments_csv(ctx: ReadContext, path: str) -> Iterator[Item]:
    frame = ctx.read_csv(path)
    text_column = next((c for c in frame.columns if "text" in c.lower()), None)
    time_column = next((c for c in frame.columns if "timestamp" in c.lower() or "time" in c.lower()), None)
    if text_column is None:
        raise NotUnderstood("no comment text column")
    for index, row in enumerate(frame.to_dict("records")):
        raw = str(row[text_column])
        runs = re.findall(r'"text"\s*:\s*"((?:[^"\\]|\\.)*)"', raw)
        text = "".join(bytes(r, "utf-8").decode("unicode_escape", errors="ignore") if "\\" in r else r for r in runs) or raw
        yield ctx.item(path, f"row {index + 1}", ItemKind.COMMENT, text=text,
                    created_at=parse_iso(row.get(time_column, "")) if time_column else None)


def parse_youtube_comments_html(ctx: ReadContext, path: str) -> Iterator[Item]:
    soup = BeautifulSoup(ctx.read_text(path), "html.parser")
    for index, entry in enumerate(soup.find_all("li")):
        text = entry.get_text(" ", strip=True)
        if text:
            yield ctx.item(path, f"li[{index}]", ItemKind.COMMENT, text=text)


def parse_youtube_channel(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in enumerate(ctx.read_csv(path).to_dict("records")):
        for column, value in row.items():
            if value and any(k in column.lower() for k in ("title", "description", "titel", "beschreibung")):
                yield ctx.item(path, f"row {index + 1}.{column}", ItemKind.PROFILE_FIELD, field=ProfileField.BIO, text=str(value))


# --- Dispatch by shape ---------------------------------------------------------------------------
def parse_json_by_shape(ctx: ReadContext, path: str) -> Iterator[Item | LocationPoint | Account | RecordProblem]:
    """Google's JSON files, recognised by their contents (names are localised and change over time)."""
    if ctx.source.size(path) > STREAM_THRESHOLD:
        with ctx.source.open(path) as handle:
            head = handle.read(4096)
        if b'"locations"' in head:
            with ctx.source.open(path) as handle:
                yield from _records(ctx, path, ijson.items(handle, "locations.item", use_float=True))
            return
    data = ctx.load_json(path)
    if isinstance(data, dict):
        if isinstance(data.get("locations"), list):
            yield from _records(ctx, path, data["locations"])
        elif isinstance(data.get("timelineObjects"), list):
            yield from _semantic(ctx, path, data["timelineObjects"])
        elif any(k in data for k in ("semanticSegments", "rawSignals", "userLocationProfile")):
            yield from _android_timeline(ctx, path, data)
        elif isinstance(data.get("timelineEdits"), list):
            yield from _timeline_edits(ctx, path, data["timelineEdits"])
        elif "deviceSettings" in data:
            for index, device in enumerate(data.get("deviceSettings") or []):
                spec = device.get("deviceSpec") or {}
                yield ctx.item(path, f"deviceSettings[{index}]", ItemKind.SETTING, field=Setting.LOCATION_REPORTING,
                            text=f"{spec.get('manufacturer', '')} {spec.get('model', '')}: "
                                 f"{'on' if device.get('reportingEnabled') else 'off'}".strip())
        elif "photoTakenTime" in data or ("title" in data and ("geoData" in data or "creationTime" in data) and "date" not in data):
            yield from _sidecar(ctx, path, data)
        elif "albumData" in data or ("title" in data and "date" in data):
            yield from _album(ctx, path, data)
        elif "externalOrderId" in data:
            return  # a print order, not a photo
        else:
            raise NotUnderstood("a JSON file of a shape offduty does not know")
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if "startTime" in first and any(k in first for k in ("visit", "activity", "timelinePath", "timelineMemory")):
            yield from _ios_timeline(ctx, path, data)
        elif "header" in first and "time" in first:
            yield from _my_activity(ctx, path, data)
        else:
            raise NotUnderstood("a JSON list of a shape offduty does not know")
    elif isinstance(data, list):
        return
    else:
        raise NotUnderstood("a JSON file of a shape offduty does not know")


@register
class GoogleTakeoutConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Google"
    signatures = (
        r"^Takeout/",
        PHOTOS, LOCATION, ACTIVITY,
        r"^(Timeline|Zeitachse|Chronologie|Cronología|Vos trajets|location-history)\.json$",
        T + r"(?:archive_browser|Archiv_Übersicht)\.html$",
    )
    rules = (
        Rule(PHOTOS + r".*\.json$", parse_json_by_shape),
        Rule(PHOTOS + r".*\.(jpe?g|heic|heif|png|gif|webp|tiff?|mp4|mov|m4v|3gp|avi|mkv|dng|cr2|nef)$", media=True),
        Rule(LOCATION + r".*\.json$", parse_json_by_shape),
        Rule(ACTIVITY + r"[^/]+/(?:MyActivity|MeineAktivitäten)\.json$", parse_json_by_shape),
        Rule(ACTIVITY + r"[^/]+/(?:MyActivity|MeineAktivitäten)\.html$", parse_my_activity_html),
        Rule(T + r"(?:Profile|Profil)/(?:Profile|Profil)\.json$", parse_profile),
        Rule(T + r"(?:Profile|Profil)/.*\.(jpe?g|png)$", media=True),
        Rule(YOUTUBE + r".*(?:comments|Kommentare)\.csv$", parse_youtube_comments_csv),
        Rule(YOUTUBE + r".*my-comments\.html$", parse_youtube_comments_html),
        Rule(YOUTUBE + r"(?:channels|Kanäle)/(?:channel|Kanal)\.csv$", parse_youtube_channel),
        Rule(YOUTUBE + r"(?:history|Verlauf|subscriptions|Abos|playlists|Playlists)/", None,
             "what you watched and searched is not shown to others"),
        Rule(T + r"(?:archive_browser|Archiv_Übersicht)\.html$", None, "Takeout's own index page"),
        Rule(T + r"(?:Chrome|Mail|Drive|Google Pay|Fit|Google Fit|Keep|Tasks|Calendar|Kalender|Contacts|Kontakte|"
             r"Google Play Store|Google Shopping|Access Log Activity|Assistant Notes and Lists)/", None,
             "a Google product offduty does not audit in this version"),
        Rule(r"\.json$", parse_json_by_shape),
    )
