"""The fictional persona behind the sample exports: places, names, and the ground-truth recorder."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import builders

ROOT = Path(__file__).resolve().parent
EXPORTS = ROOT.parent / "sample_exports"

STATION = (38.8436, -97.6081)
AT_STATION = (38.8438, -97.6079)
HOME = (38.8121, -97.6422)
GYM = (38.8255, -97.6110)
LAKE = (38.6381, -97.9741)
TRAIL = (38.7702, -97.5770)
COFFEE = (38.8402, -97.6117)

FB_ROOT = "facebook-marisolpenalver-2025-03-02"
FB_POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
FB_ALBUM = "your_facebook_activity/posts/album/0.json"
FB_PROFILE = "personal_information/profile_information/profile_information.json"
FB_FRIENDS = "connections/friends/your_friends.json"
FB_COMMENTS = "your_facebook_activity/comments_and_reactions/comments.json"
# Documented for the 2019-2022 layout (posts/...); its place in the 2024 layout is assumed to follow the other posts files.
FB_WALL = "your_facebook_activity/posts/other_people's_posts_to_your_timeline.json"
IG_ZIP = "instagram-marisol.penalver-20250302.zip"
IG_PROFILE = "personal_information/personal_information/personal_information.json"
IG_POSTS = "your_instagram_activity/content/posts_1.json"
IG_PRIVACY = "security_and_login_information/login_and_account_creation/account_privacy_changes.json"
IG_SIGNUP = "security_and_login_information/login_and_account_creation/signup_information.json"
X_ROOT = "twitter-2025-03-01-mpenalver_ks"
PHOTOS_ROOT = "Camera Roll 2024"


def ts(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


class GroundTruth:
    def __init__(self) -> None:
        self.expected: list[dict[str, str]] = []
        self.must_not_flag: list[dict[str, str]] = []
        # Only with `undercover: true` (samplegen/undercover-profile.yaml); none of these may appear without it.
        self.expected_undercover: list[dict[str, str]] = []
        self.must_not_flag_undercover: list[dict[str, str]] = []

    def expect(self, detector: str, platform: str, file: str, record: str | None, why: str) -> None:
        entry = {"detector": detector, "platform": platform, "file": file, "why": why}
        if record is not None:
            entry["record"] = record
        self.expected.append(entry)

    def expect_area(self, label: str, where: tuple[float, float], within_m: float, why: str) -> None:
        self.expected.append({"detector": "pattern_of_life", "label": label, "area": list(where), "within_m": within_m,
                              "why": why})

    def clean(self, platform: str, file: str, record: str, why: str) -> None:
        self.must_not_flag.append({"platform": platform, "file": file, "record": record, "why": why})

    def expect_undercover(self, title: str, file: str, record: str, why: str) -> None:
        """A linked-identities finding (about several platforms) whose title has `title` and whose evidence is this record."""
        self.expected_undercover.append({"detector": "linked_identities", "platform": "several", "title": title, "file": file,
                                         "record": record, "why": why})

    def expect_undercover_finding(self, detector: str, platform: str, file: str, record: str, why: str) -> None:
        """Any other finding expected only in undercover mode (title: any)."""
        self.expected_undercover.append({"detector": detector, "platform": platform, "title": "", "file": file,
                                         "record": record, "why": why})

    def clean_undercover(self, title: str, file: str, record: str, why: str) -> None:
        self.must_not_flag_undercover.append({"detector": "linked_identities", "platform": "several", "title": title,
                                              "file": file, "record": record, "why": why})


def meta_json(value: Any) -> bytes:
    return json.dumps(builders.meta_mojibake(value), indent=2, ensure_ascii=True).encode("ascii")


