"""Build the synthetic sample exports of a fictional deputy, with a ground-truth file.

    python -m samplegen.generate      (or: make samples)

Persona: Deputy Marisol Peñalver of the (invented) Harlow County Sheriff's Office, with exports of
Facebook (2024 Accounts Center JSON layout, as a folder), Instagram (a .zip), X (a folder with
data/*.js) and a folder of phone photos. Layouts and quirks follow the real exports: Meta's mojibake,
`window.YTD` prefixes, string numbers, EXIF GPS written like a phone camera. Every planted exposure
is listed in ground_truth.json with the check that should find it; harmless look-alikes are listed
as must_not_flag. Nothing here is anyone's real data; coordinates are arbitrary points.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from . import builders, more_exports, pictures
from .persona import (
    AT_STATION,
    COFFEE,
    EXPORTS,
    FB_ALBUM,
    FB_COMMENTS,
    FB_FRIENDS,
    FB_POSTS,
    FB_PROFILE,
    FB_ROOT,
    FB_WALL,
    GYM,
    HOME,
    IG_POSTS,
    IG_PRIVACY,
    IG_PROFILE,
    IG_SIGNUP,
    IG_ZIP,
    LAKE,
    PHOTOS_ROOT,
    ROOT,
    STATION,
    TRAIL,
    X_ROOT,
    GroundTruth,
    meta_json,
    ts,
)

PROFILE_PHOTO_SEED = 7  # the one picture the persona uses as profile photo on Instagram and X

# The drawn photos (samplegen/pictures.py) as planted: scene -> (platform, file, record) of the finding's evidence:
# the post that carries the photo, or the photo itself in the camera roll.
PLANTED_PHOTOS: dict[str, tuple[str, str, str]] = {}
# What the imagery checks should make of each: the check whose finding names the photo, or None for a look-alike.
PHOTO_EXPECTATIONS: dict[str, tuple[str | None, str]] = {
    # Named after the check whose finding wins the per-photo merge (imagery-checks): a face together with the
    # agency's insignia is "you in uniform" (7b), which outranks the insignia alone (7a).
    "uniform": ("faces_in_photos", "her face above the agency's shoulder patch, star and DEPUTY SHERIFF tab"),
    "badge": ("agency_insignia", "the agency's star badge on a table"),
    "crowd": ("faces_in_photos", "the agency's shoulder patch, small, on one person in a fair crowd of faces"),
    "patrol_car": ("agency_insignia", "a patrol car with the agency's door livery, SHERIFF and a light bar"),
    "barbecue": (None, "friends' faces at a cookout: no uniform, no insignia"),
    "navy_shirt": (None, "a navy top without patch, badge or words"),
    "security_guard": (None, "a SECURITY jacket and an event-staff patch"),
    "toy_star": (None, "a child's toy star shaped like the agency's, without its words"),
    "taxi": (None, "a taxi: TAXI on the door and a roof sign, no light bar"),
    "policy_letter": (None, "an insurance POLICY RENEWAL letter"),
    "patrol_car_video": ("agency_insignia", "a phone clip: a taxi, then the patrol car with the agency's "
                                            "door livery from 0:03"),
}
# With `undercover: true` any face in her own photos identifies her (clause 8), uniform or not.
FACES_UNDERCOVER = ("barbecue", "navy_shirt", "security_guard")


# --- Facebook -------------------------------------------------------------------------------------
def facebook(truth: GroundTruth) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    profile = {"profile_v2": {
        "name": {"full_name": "Marisol Peñalver", "first_name": "Marisol", "middle_name": "", "last_name": "Peñalver"},
        "emails": {"emails": ["marisol.penalver@example.net"], "previous_emails": [], "pending_emails": [], "ad_account_emails": []},
        "birthday": {"year": 1991, "month": 4, "day": 17},
        "current_city": {"name": "Salina, Kansas", "timestamp": 1583020800},
        "hometown": {"name": "Lindsborg, Kansas", "timestamp": 0},
        "relationship": {"status": "Married", "timestamp": 1563020800},
        "family_members": [],
        "education_experiences": [{"name": "Salina Central High School", "graduated": True, "school_type": "High School", "timestamp": 1300000000}],
        "work_experiences": [
            {"employer": "Harlow County Sheriff's Office", "title": "Deputy Sheriff", "location": "Salina, Kansas", "start_timestamp": 1530403200, "timestamp": 1530403200},
            {"employer": "Prairie Grounds Coffee", "title": "Shift supervisor", "start_timestamp": 1420070400, "end_timestamp": 1527811200, "timestamp": 1420070400},
        ],
        "phone_numbers": [{"phone_type": "Mobile", "phone_number": "+17855550142", "verified": True}],
        "username": "marisol.penalver.ks",
        "registration_timestamp": 1262304000,
        "profile_uri": "https://www.facebook.com/marisol.penalver.ks",
    }}
    files[FB_PROFILE] = meta_json(profile)
    truth.expect("employment", "facebook", FB_PROFILE, "work_experiences[0]", "employer field names the sheriff's office")
    truth.clean("facebook", FB_PROFILE, "work_experiences[1]", "a coffee-shop 'shift supervisor' job is not law enforcement")

    media_dir = "your_facebook_activity/posts/media/TimelinePhotos_4410298817"
    station_photo = f"{media_dir}/412203359_10161234567890123_1234567890123456789_n.jpg"
    lake_photo = f"{media_dir}/398877612_10160987654321098_9876543210987654321_n.jpg"
    # Facebook strips EXIF from exported images; the location survives in the JSON only.
    files[station_photo] = builders.jpeg(color=(60, 70, 90))
    files[lake_photo] = builders.jpeg(color=(80, 140, 200))

    def photo(uri: str, created: datetime, lat: float | None = None, lon: float | None = None, upload_ip: bool = True) -> dict[str, Any]:
        exif: dict[str, Any] = {"upload_ip": "2600:387:1:7::4b"} if upload_ip else {}
        exif["taken_timestamp"] = int(created.timestamp()) - 120
        if lat is not None:
            exif.update({"latitude": lat, "longitude": lon})
        return {"uri": uri, "creation_timestamp": int(created.timestamp()),
                "media_metadata": {"photo_metadata": {"exif_data": [exif]}}, "title": "", "description": ""}

    posts: list[dict[str, Any]] = []

    def post(text: str | None, when: datetime, **extra: Any) -> int:
        data: list[dict[str, Any]] = [{"post": text}] if text else []
        data.append({"update_timestamp": int(when.timestamp())})
        record: dict[str, Any] = {"timestamp": int(when.timestamp()), "data": data,
                                  "title": "Marisol Peñalver updated her status."}
        record.update(extra)
        posts.append(record)
        return len(posts) - 1

    i = post("Finally graduated from the academy!! Class 47, we made it 💪 Thank you to everyone who believed in me.", ts(2018, 6, 29, 22))
    truth.expect("employment", "facebook", FB_POSTS, f"[{i}]", "academy graduation in the first person")
    i = post("Grammar police on duty tonight 😂 it's \"you're\", not \"your\"", ts(2019, 2, 3, 3))
    truth.clean("facebook", FB_POSTS, f"[{i}]", "'grammar police' is a figure of speech")
    i = post("Watching Police Academy 3 with the kids, still hilarious", ts(2020, 1, 11, 2))
    truth.clean("facebook", FB_POSTS, f"[{i}]", "the comedy film")
    i = post("Police brutality has no place anywhere. Proud to march for my neighbours today.", ts(2020, 6, 6, 20))
    truth.clean("facebook", FB_POSTS, f"[{i}]", "protest speech about police, not employment")
    i = post("Great day at Kanopolis with the crew 🎣", ts(2021, 7, 4, 23),
             attachments=[{"data": [{"place": {"name": "Kanopolis State Park", "coordinate": {"latitude": LAKE[0], "longitude": LAKE[1]},
                                                "address": "", "url": "https://www.facebook.com/kanopolis"}}]}],
             tags=[{"name": "Tomás Ruiz"}, {"name": "Jon Avery"}], title="Marisol Peñalver was at Kanopolis State Park.")
    truth.expect("geotags", "facebook", FB_POSTS, f"[{i}]", "check-in with coordinates")
    truth.expect("coworkers", "facebook", FB_POSTS, f"[{i}]", "tags two roster members (Jon Avery = Jonathan Avery)")
    i = post("Shift's done ☕", ts(2022, 3, 15, 14),
             attachments=[{"data": [{"media": photo(station_photo, ts(2022, 3, 15, 14), *AT_STATION)}]}])
    truth.expect("geotags", "facebook", FB_POSTS, f"[{i}]", "photo whose stored location is the station")
    i = post("My brother is a state trooper and I'm so proud of him today", ts(2022, 8, 20, 18))
    truth.clean("facebook", FB_POSTS, f"[{i}]", "a relative's job, not the author's")
    i = post(None, ts(2023, 5, 2, 15),
             attachments=[{"data": [{"place": {"name": "Prairie Grounds Coffee", "coordinate": {"latitude": COFFEE[0], "longitude": COFFEE[1]},
                                                "address": "Salina, KS"}}]}], title="Marisol Peñalver checked in to Prairie Grounds Coffee.")
    truth.expect("geotags", "facebook", FB_POSTS, f"[{i}]", "check-in near work (outside the station radius)")
    i = post("Happy Mother's Day to the best mom in Kansas ❤️", ts(2023, 5, 14, 16))
    truth.clean("facebook", FB_POSTS, f"[{i}]", "nothing to see")
    # Photos whose captions say nothing about the job: the picture is the only evidence (and no upload IP was
    # kept for them, so a finding on these posts can only be the photo's).
    patrol_car = f"{media_dir}/455120087_10162345678901234_2345678901234567890_n.jpg"
    cookout = f"{media_dir}/458830121_10162456789012345_3456789012345678901_n.jpg"
    files[patrol_car] = builders.jpeg(picture=pictures.patrol_car_photo(), quality=82)
    files[cookout] = builders.jpeg(picture=pictures.barbecue_photo(), quality=82)
    i = post("Washed, waxed and ready for Monday ✨", ts(2024, 8, 25, 17),
             attachments=[{"data": [{"media": photo(patrol_car, ts(2024, 8, 25, 17), upload_ip=False)}]}])
    PLANTED_PHOTOS["patrol_car"] = ("facebook", FB_POSTS, f"[{i}]")
    i = post("Labor Day cookout with the best neighbours 🍔🌭", ts(2024, 9, 2, 22),
             attachments=[{"data": [{"media": photo(cookout, ts(2024, 9, 2, 22), upload_ip=False)}]}])
    PLANTED_PHOTOS["barbecue"] = ("facebook", FB_POSTS, f"[{i}]")
    files[FB_POSTS] = meta_json(posts)

    album = {"name": "Summer 2021", "photos": [photo(lake_photo, ts(2021, 7, 5, 1), *LAKE)],
             "cover_photo": photo(lake_photo, ts(2021, 7, 5, 1)), "last_modified_timestamp": 1625446800,
             "description": "Lake days"}
    files[FB_ALBUM] = meta_json(album)
    truth.expect("geotags", "facebook", FB_ALBUM, "photos[0]", "album photo with stored location")
    truth.expect("geotags", "facebook", FB_POSTS, None, "Facebook kept the upload IP address of the photos")

    friends = {"friends_v2": [
        {"name": "Tomás Ruiz", "timestamp": 1530500000},
        {"name": "Kelly Brandt", "timestamp": 1531500000},
        {"name": "Dér Dénes", "timestamp": 1400000000},
        {"name": "Ana Lucía Ferreira", "timestamp": 1500000000},
    ]}
    files[FB_FRIENDS] = meta_json(friends)
    truth.expect("coworkers", "facebook", FB_FRIENDS, None, "two roster members in the friends list")

    comments = {"comments_v2": [
        {"timestamp": 1646000000, "data": [{"comment": {"timestamp": 1646000000, "comment": "Roll call was brutal this morning, my sergeant made us run laps", "author": "Marisol Peñalver"}}], "title": "Marisol Peñalver commented on Kelly Brandt's post."},
        {"timestamp": 1656000000, "data": [{"comment": {"timestamp": 1656000000, "comment": "Called the police on the fireworks guy again lol", "author": "Marisol Peñalver"}}], "title": "Marisol Peñalver replied to a comment."},
        {"timestamp": 1666000000, "data": [{"comment": {"timestamp": 1666000000, "comment": "Congrats on the promotion, deputy editor suits you!", "author": "Marisol Peñalver"}}], "title": "Marisol Peñalver commented on a post."},
    ]}
    files[FB_COMMENTS] = meta_json(comments)
    truth.expect("employment", "facebook", FB_COMMENTS, "[0]", "roll call and 'my sergeant'")
    truth.clean("facebook", FB_COMMENTS, "[1]", "calling the police is what civilians do")
    truth.clean("facebook", FB_COMMENTS, "[2]", "a deputy editor is a newspaper job")

    # What other people posted on her timeline: she cannot delete it, only hide it, untag or ask.
    wall = {"wall_posts_sent_to_you": {"activity_log_data": [
        {"timestamp": int(ts(2023, 7, 1, 17).timestamp()), "title": "Tomás Ruiz wrote on your timeline.",
         "data": [{"post": "Congrats to Deputy Peñalver on five years with the Harlow County Sheriff's Office! Proud to ride beside you."}]},
        {"timestamp": int(ts(2024, 4, 17, 9).timestamp()), "title": "Ana Lucía Ferreira wrote on your timeline.",
         "data": [{"post": "Happy birthday Marisol!! 🎂 Brunch on me this weekend"}]},
    ]}}
    files[FB_WALL] = meta_json(wall)
    truth.expect("employment", "facebook", FB_WALL, "[0]", "a coworker's post on her timeline names her rank and agency")
    truth.expect("coworkers", "facebook", FB_WALL, "[0]", "posted on her timeline by a roster member")
    truth.clean("facebook", FB_WALL, "[1]", "a friend's birthday wish")

    files["ads_information/advertisers_using_your_activity_or_information.json"] = meta_json(
        {"custom_audiences_all_types_v2": [{"advertiser_name": "Prairie Outfitters", "has_data_file_custom_audience": True}]})
    files["security_and_login_information/ip_address_activity.json"] = meta_json(
        {"used_ip_address_v2": [{"ip": "203.0.113.7", "action": "Login", "timestamp": 1700000000}]})
    return files


# --- Instagram ------------------------------------------------------------------------------------
def instagram(truth: GroundTruth) -> dict[str, bytes]:
    files: dict[str, bytes] = {}

    def entry(value: str) -> dict[str, Any]:
        return {"href": "", "value": value, "timestamp": 0}

    personal = {"profile_user": [{
        "title": "",
        "media_map_data": {"Profile Photo": {"uri": "media/profile/202301/330112233_445566778899001_n.jpg", "creation_timestamp": 1672531200, "title": ""}},
        "string_map_data": {
            "Email": entry("marisol.penalver@example.net"),
            "Phone Number": entry("+17855550142"),
            "Username": entry("marisol.p_ks"),
            "Name": entry("Marisol Peñalver"),
            "Bio": entry("Coffee, trails & my K9 partner Bruno 🐾 #deputylife"),
            "Gender": entry("female"),
            "Date of birth": entry("1991-04-17"),
            "Private Account": entry("True"),
        },
    }]}
    files[IG_PROFILE] = meta_json(personal)
    truth.expect("employment", "instagram", IG_PROFILE, "profile_user[0].bio", "K9 partner and #deputylife in the bio")
    truth.clean("instagram", IG_PROFILE, "profile_user[0].private", "private now: the public years are the history's finding")

    # Opened in late 2018 (private), public from 2019-03 to 2021-07, private since: three posts date from the public years.
    def change(title: str, when: datetime) -> dict[str, Any]:
        return {"title": title, "media_map_data": {}, "string_map_data": {"Time": {"href": "", "value": "", "timestamp": int(when.timestamp())}}}

    files[IG_PRIVACY] = meta_json({"account_history_account_privacy_history": [
        change("Public", ts(2019, 3, 12, 18)), change("Private", ts(2021, 7, 20, 9))]})
    truth.expect("privacy_history", "instagram", IG_PRIVACY, "account_history_account_privacy_history[0]",
                 "public from 2019-03 to 2021-07: 3 posts visible to anyone then")
    files[IG_SIGNUP] = meta_json({"account_history_registration_info": [{"title": "", "media_map_data": {}, "string_map_data": {
        "Username": entry("marisol.p_ks"), "Time": {"href": "", "value": "", "timestamp": int(ts(2018, 11, 2).timestamp())}}}]})
    files["media/profile/202301/330112233_445566778899001_n.jpg"] = builders.encoded(builders.portrait(PROFILE_PHOTO_SEED), quality=88)
    truth.expect_undercover("same profile photo", IG_PROFILE, "profile_user[0].media_map_data.Profile Photo",
                            "the Instagram profile photo is also the X avatar")

    posts: list[dict[str, Any]] = []

    def media(month: str, name: str, created: datetime, title: str = "", coords: tuple[float, float] | None = None,
              color: tuple[int, int, int] = (120, 150, 100)) -> dict[str, Any]:
        uri = f"media/posts/{month}/{name}.jpg"
        files[uri] = builders.jpeg(color=color)
        obj: dict[str, Any] = {"uri": uri, "creation_timestamp": int(created.timestamp()), "title": title}
        if coords:
            obj["media_metadata"] = {"photo_metadata": {"exif_data": [{"latitude": coords[0], "longitude": coords[1]}]}}
        return obj

    posts.append({"media": [media("202304", "340998877_1203948576_n_17991234567890123", ts(2023, 4, 23, 17), "Sunday hike, legs are jelly", TRAIL)]})
    truth.expect("geotags", "instagram", IG_POSTS, "[0]", "photo with stored trail location")
    when = ts(2023, 9, 2, 15)
    posts.append({"media": [media("202309", f"37155{i}2211_98765432{i}_n_1799{i}11223344556", when, "", color=(90 + 20 * i, 110, 120)) for i in range(3)],
                  "title": "Bruno's first week on patrol with me 🐕 #k9unit #thinblueline", "creation_timestamp": int(when.timestamp())})
    truth.expect("employment", "instagram", IG_POSTS, "[1]", "K9 patrol caption with #k9unit")
    posts.append({"media": [media("202310", "380112233_4455667788_n_17994455667788990", ts(2023, 10, 7, 19), "New kicks copped 🔥 #fashionpolice #sneakerhead")]})
    truth.clean("instagram", IG_POSTS, "[2]", "'copped' sneakers and a fashion hashtag")
    posts.append({"media": [media("202311", "391234567_1122334455_n_17995566778899001", ts(2023, 11, 18, 16), "@tomas.ruiz and me after the Harvest 5K 🏃‍♀️")]})
    truth.expect("coworkers", "instagram", IG_POSTS, "[3]", "mentions a roster member's handle")
    posts.append({"media": [media("202401", "402345678_2233445566_n_17996677889900112", ts(2024, 1, 9, 13), "Thank you to everyone who came out today #backtheblue")]})
    truth.expect("employment", "instagram", IG_POSTS, "[4]", "affinity hashtag (low)")
    for month, name, when, title in (("201906", "61020304_2233445566_n", ts(2019, 6, 15, 20), "Sunflowers everywhere 🌻"),
                                     ("202002", "86120304_3344556677_n", ts(2020, 2, 9, 15), "Snow day with Bruno ❄️"),
                                     ("202105", "18720304_4455667788_n", ts(2021, 5, 30, 19), "Birthday cake attempt #2 🎂")):
        posts.append({"media": [media(month, name, when, title, color=(200, 180, 90))]})
        truth.clean("instagram", IG_POSTS, f"[{len(posts) - 1}]", "a harmless post from the public years")
    for scene, name, when, caption in (
            ("navy_shirt", "441203344_5566778899_n_17998899001122334", ts(2024, 6, 2, 18), "New haircut, who dis 💇‍♀️"),
            ("security_guard", "448812233_6677889900_n_17999900112233445", ts(2024, 7, 20, 23), "Concert night!! Thanks for the wristbands Dani 🎸"),
            ("crowd", "459901122_7788990011_n_18000011223344556", ts(2024, 9, 14, 20), "Harvest fair was packed this year 🎡🌽")):
        uri = f"media/posts/{when:%Y%m}/{name}.jpg"
        files[uri] = builders.jpeg(picture=pictures.SCENES[scene](), quality=82)
        posts.append({"media": [{"uri": uri, "creation_timestamp": int(when.timestamp()), "title": caption}]})
        PLANTED_PHOTOS[scene] = ("instagram", IG_POSTS, f"[{len(posts) - 1}]")
    files[IG_POSTS] = meta_json(posts)

    files["connections/followers_and_following/following.json"] = meta_json({"relationships_following": [
        {"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/kbrandt_hcso", "value": "kbrandt_hcso", "timestamp": 1600000000}]},
        {"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/prairiegroundscoffee", "value": "prairiegroundscoffee", "timestamp": 1610000000}]},
    ]})
    truth.expect("coworkers", "instagram", "connections/followers_and_following/following.json", None, "follows a roster member")
    files["ads_information/ads_and_topics/ads_viewed.json"] = meta_json({"impressions_history_ads_seen": []})
    return files


# --- X --------------------------------------------------------------------------------------------
def ytd(name: str, records: list[dict[str, Any]]) -> bytes:
    body = json.dumps(records, indent=2, separators=(",", " : "), ensure_ascii=False)
    return f"window.YTD.{name}.part0 = {body}".encode("utf-8")


def tweet_time(when: datetime) -> str:
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


def x_archive(truth: GroundTruth) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files["data/account.js"] = ytd("account", [{"account": {
        "email": "marisol.penalver@harlowcountyso.gov", "createdVia": "web", "username": "mpenalver_ks",
        "accountId": "1029384756", "createdAt": "2012-05-06T14:22:31.000Z", "accountDisplayName": "Marisol P."}}])
    truth.expect("employment", "x", "data/account.js", "[0].email", "agency email address on the account")
    files["data/profile.js"] = ytd("profile", [{"profile": {
        "description": {"bio": "Runner. Dog mom. Coffee snob. Views my own. IG: @marisol.p_ks", "website": "", "location": "Salina, KS"},
        "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1450000000000000000/abcd1234.jpg"}}])
    truth.clean("x", "data/profile.js", "[0].description.bio", "an ordinary bio")
    truth.expect_undercover("link in a bio", "data/profile.js", "[0]", "the X bio names the Instagram account")
    truth.clean_undercover("link in a bio", "actor.json", "", "the bio names marisol.p_ks, not the Mastodon account 'marisol'")
    # The Instagram photo again as X keeps it: cropped a little, scaled down and saved at a lower quality.
    avatar = builders.portrait(PROFILE_PHOTO_SEED)
    avatar = avatar.crop((10, 10, avatar.width - 10, avatar.height - 10)).resize((200, 200))
    files["data/profile_media/1029384756-abcd1234.jpg"] = builders.encoded(avatar, quality=70)
    truth.expect_undercover("same profile photo", "data/profile.js", "[0].avatarMediaUrl", "the X avatar is the Instagram photo")

    tweets: list[dict[str, Any]] = []
    base_id = 1_500_000_000_000_000_000

    def tweet(text: str, when: datetime, mentions: list[tuple[str, str]] = (), **extra: Any) -> str:
        tweet_id = str(base_id + len(tweets) * 7_919_000_000)
        body: dict[str, Any] = {
            "edit_info": {"initial": {"editTweetIds": [tweet_id], "editableUntil": (when + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                      "editsRemaining": "5", "isEditEligible": True}},
            "retweeted": False,
            "source": "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
            "entities": {"hashtags": [], "symbols": [], "urls": [],
                         "user_mentions": [{"name": n, "screen_name": h, "indices": ["0", str(len(h) + 1)],
                                            "id_str": str(900000 + k), "id": str(900000 + k)} for k, (n, h) in enumerate(mentions)]},
            "display_text_range": ["0", str(len(text))], "favorite_count": "2", "id_str": tweet_id, "truncated": False,
            "retweet_count": "0", "id": tweet_id, "created_at": tweet_time(when), "favorited": False,
            "full_text": text, "lang": "en",
        }
        body.update(extra)
        tweets.append({"tweet": body})
        return f"[{len(tweets) - 1}] id {tweet_id}"

    ref = tweet("Code enforcement officer says my fence is 6 inches too tall. The HOA wars continue", ts(2021, 4, 10, 18))
    truth.clean("x", "data/tweets.js", ref, "a code enforcement officer is not law enforcement (and not the author)")
    ref = tweet("Quiet night on the porch", ts(2021, 8, 14, 3, 40),
                coordinates={"type": "Point", "coordinates": [str(HOME[1]), str(HOME[0])]},
                geo={"type": "Point", "coordinates": [str(HOME[0]), str(HOME[1])]})
    truth.expect("geotags", "x", "data/tweets.js", ref, "exact coordinates of home on a tweet")
    ref = tweet("Leo season 🦁 happy birthday to me", ts(2021, 8, 1, 12))
    truth.clean("x", "data/tweets.js", ref, "the zodiac sign, not the abbreviation")
    ref = tweet("I'm a deputy with HCSO and yes, we're hiring. DM me if you want to know what it's like.", ts(2022, 2, 2, 17))
    truth.expect("employment", "x", "data/tweets.js", ref, "states the job and names the agency")
    ref = tweet("Deputy editor of the school paper again this year, proud mom moment", ts(2022, 9, 1, 21))
    truth.clean("x", "data/tweets.js", ref, "deputy editor")
    ref = tweet("RT @visitsalina: Coffee with neighbours this Saturday at the farmers market!", ts(2022, 10, 5, 14))
    truth.clean("x", "data/tweets.js", ref, "a retweet of tourism news")
    ref = tweet("@kbrandt_hcso at the county fair, best funnel cake wins", ts(2023, 7, 22, 23), mentions=[("Kelly B.", "kbrandt_hcso")])
    truth.expect("coworkers", "x", "data/tweets.js", ref, "mentions a roster member")
    ref = tweet("Farmers market haul 🍅", ts(2023, 8, 5, 15), place={
        "full_name": "Salina, KS", "country": "United States", "place_type": "city",
        "bounding_box": {"type": "Polygon", "coordinates": [[["-97.6650", "38.7650"], ["-97.5550", "38.7650"], ["-97.5550", "38.8750"], ["-97.6650", "38.8750"]]]}})
    truth.expect("geotags", "x", "data/tweets.js", ref, "city place attached to a tweet")
    files["data/tweets.js"] = ytd("tweets", tweets)
    media_tweet_id = tweets[-1]["tweet"]["id_str"]
    files[f"data/tweets_media/{media_tweet_id}-F3kX9aLWQAAb1cd.jpg"] = builders.jpeg(color=(200, 90, 60))
    tweets[-1]["tweet"]["extended_entities"] = {"media": [{
        "media_url_https": "https://pbs.twimg.com/media/F3kX9aLWQAAb1cd.jpg", "type": "photo", "id_str": "1688000000000000001",
        "expanded_url": f"https://twitter.com/mpenalver_ks/status/{media_tweet_id}/photo/1"}]}
    # Planted for the speech checks (clauses 6/11a, 9a, 9b, 11b/c, 12b), each with a look-alike that must stay clean.
    ref = tweet("Ran the plate on the white Silverado parked outside the bank on 5th, came back stolen out of Wichita. "
                "Booking him as we speak", ts(2023, 9, 2, 22))
    truth.expect("job_information", "x", "data/tweets.js", ref, "a plate look-up and an arrest, from the job")
    truth.expect("employment", "x", "data/tweets.js", ref, "job talk: booking, a plate run")
    ref = tweet("Ran the Salina half marathon this morning, 1:58 and a new PB 🏃‍♀️", ts(2023, 9, 3, 11))
    truth.clean("x", "data/tweets.js", ref, "running a race, not a plate")
    ref = tweet("These f*cking illegals are ruining this town, send them all back", ts(2023, 9, 10, 23))
    truth.expect("obscene_speech", "x", "data/tweets.js", ref, "profanity and hostility toward a group")
    ref = tweet("Someone spray-painted a slur on the mosque on Ninth St last night. Not who we are, Salina.", ts(2023, 9, 11, 8))
    truth.clean("x", "data/tweets.js", ref, "reporting abuse, not using it")
    ref = tweet("Hit 140 in the cruiser on the bypass just for fun lol, sarge never checks the GPS", ts(2023, 9, 16, 2))
    truth.expect("reckless_behaviour", "x", "data/tweets.js", ref, "misusing a patrol car")
    truth.expect("employment", "x", "data/tweets.js", ref, "cruiser and sarge: job talk")
    ref = tweet("Few beers at the Royals game then an Uber home like an adult", ts(2023, 9, 17, 23))
    truth.clean("x", "data/tweets.js", ref, "drinking with a ride home")
    ref = tweet("Our department's position on the new bail law is clear: we support it, and we expect the council to "
                "pass it on Tuesday.", ts(2023, 9, 23, 16))
    truth.expect("official_capacity", "x", "data/tweets.js", ref, "states the department's position")
    truth.expect("employment", "x", "data/tweets.js", ref, "speaks as a member of the department")
    ref = tweet("My neighbour Karen is back in rehab again, third time this year, and her kids are at Coronado Elementary "
                "with mine", ts(2023, 9, 30, 20))
    truth.expect("private_facts", "x", "data/tweets.js", ref, "a named neighbour's rehab and her children's school")
    ref = tweet("Pink October 5K for breast cancer research on Saturday, come run with us!", ts(2023, 10, 1, 9))
    truth.clean("x", "data/tweets.js", ref, "a charity run, not anyone's health")
    files["data/tweets.js"] = ytd("tweets", tweets)

    files["data/like.js"] = ytd("like", [{"like": {"tweetId": "1400000000000000001", "fullText": "Great turnout at the 5K today!",
                                                   "expandedUrl": "https://twitter.com/i/web/status/1400000000000000001"}}])
    files["data/protected-history.js"] = ytd("protected_history", [])
    files["data/manifest.js"] = ("window.__THAR_CONFIG = " + json.dumps({
        "userInfo": {"accountId": "1029384756", "userName": "mpenalver_ks", "displayName": "Marisol P."},
        "archiveInfo": {"sizeBytes": "48213", "generationDate": "2025-03-01T08:11:12.000Z", "isPartialArchive": False,
                        "maxPartSizeBytes": "53687091200"},
        "dataTypes": {name: {"files": [{"fileName": f"data/{name}.js", "globalName": f"YTD.{name}.part0", "count": "1"}]}
                      for name in ("account", "profile", "tweets", "like")},
    }, indent=2, separators=(",", " : "))).encode()
    files["Your archive.html"] = b"<!DOCTYPE html><html><head><title>Your archive</title></head><body></body></html>"
    return files


# --- Photo folder ---------------------------------------------------------------------------------
def photos(truth: GroundTruth) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files["IMG_2041.JPG"] = builders.jpeg(*AT_STATION, ts(2024, 3, 8, 14, 5), "Apple", "iPhone 13", accuracy_m=6.5)
    truth.expect("geotags", "photos", "IMG_2041.JPG", "", "photo taken at the station")
    files["IMG_2077.JPG"] = builders.jpeg(*HOME, ts(2024, 4, 2, 2, 30), "Apple", "iPhone 13", color=(40, 40, 60))
    truth.expect("geotags", "photos", "IMG_2077.JPG", "", "photo taken at home")
    files["IMG_2102.JPG"] = builders.jpeg(None, None, ts(2024, 5, 5, 10), "Apple", "iPhone 13", color=(210, 200, 190))
    truth.clean("photos", "IMG_2102.JPG", "", "no location in the file")
    files["IMG_2150.JPG"] = builders.jpeg(*GYM, ts(2024, 6, 11, 11, 15), "Apple", "iPhone 13", color=(150, 60, 60))
    truth.expect("geotags", "photos", "IMG_2150.JPG", "", "photo taken at the gym")
    files["Screenshot 2024-07-01 at 09.12.44.png"] = builders.png()
    truth.clean("photos", "Screenshot 2024-07-01 at 09.12.44.png", "", "a screenshot without metadata")
    files["IMG_2203.JPG"] = builders.jpeg(None, None, ts(2024, 8, 30, 18), "Apple", "iPhone 13", people=["Kelly Brandt", "Marisol Peñalver"])
    truth.expect("coworkers", "photos", "IMG_2203.JPG", "", "face region tagged with a roster member's name")
    for scene, name, taken in (("uniform", "IMG_2231.JPG", ts(2024, 9, 6, 7, 40)), ("badge", "IMG_2240.JPG", ts(2024, 9, 9, 6, 55)),
                               ("taxi", "IMG_2301.JPG", ts(2024, 10, 4, 22, 10)), ("toy_star", "IMG_2310.JPG", ts(2024, 10, 31, 17)),
                               ("policy_letter", "IMG_2315.JPG", ts(2024, 11, 2, 9, 30))):
        files[name] = builders.jpeg(None, None, taken, "Apple", "iPhone 13", picture=pictures.SCENES[scene](), quality=82)
        PLANTED_PHOTOS[scene] = ("photos", name, "")
    files["VID_2320.MP4"] = builders.video_clip([(pictures.SCENES["taxi"](), 2), (pictures.SCENES["patrol_car"](), 4)])
    PLANTED_PHOTOS["patrol_car_video"] = ("photos", "VID_2320.MP4", "")
    return files


PROFILE_YAML = f"""\
# Agency profile for the sample exports (an invented agency). Copy this file and fill in your own.
agency:
  name: Harlow County Sheriff's Office
  aliases: [Harlow County Sheriff, Harlow Sheriff's Office]
  abbreviations: [HCSO]          # matched with exact capitals, so "hcso" in a URL slug is not enough
  email_domains: [harlowcountyso.gov]
  stations:
    - name: HCSO headquarters
      lat: {STATION[0]}
      lon: {STATION[1]}
station_radius_m: 300            # photos located within this distance of a station are "at work"
roster:                          # coworkers: names and the handles they use
  - name: Tomas Ruiz
    handles: [tomas.ruiz, truiz_hcso]
  - name: Kelly Brandt
    handles: [kbrandt_hcso]
  - name: Jonathan Avery
references:                      # pictures of the agency's insignia, next to this file: the photo checks look for them
  - {{kind: patch, path: references/harlow-shoulder-patch.png}}
  - {{kind: badge, path: references/harlow-star-badge.png}}
  - {{kind: livery, path: references/harlow-door-livery.png}}
undercover: false                # true: every identifying finding is filed under clause 8
"""


UNDERCOVER_PROFILE_YAML = PROFILE_YAML.replace(
    "# Agency profile for the sample exports (an invented agency). Copy this file and fill in your own.",
    "# The sample agency profile for an officer who may work undercover: identifying findings go under clause 8.").replace(
    "undercover: false                # true: every identifying finding is filed under clause 8",
    "undercover: true                 # every identifying finding is filed under clause 8")


def generate(target: Path = EXPORTS) -> GroundTruth:
    truth = GroundTruth()
    PLANTED_PHOTOS.clear()
    if target.exists():
        shutil.rmtree(target)  # the folder holds generated exports only
    builders.write_tree(target / FB_ROOT, facebook(truth))
    builders.write_zip(target / IG_ZIP, instagram(truth))
    builders.write_tree(target / X_ROOT, x_archive(truth))
    builders.write_tree(target / PHOTOS_ROOT, photos(truth))
    more_exports.write_all(target, truth)
    _photo_expectations(truth)
    return truth


def _photo_expectations(truth: GroundTruth) -> None:
    for scene, (platform, file, record) in PLANTED_PHOTOS.items():
        detector, why = PHOTO_EXPECTATIONS[scene]
        if detector:
            truth.expect(detector, platform, file, record, why)
        else:
            truth.clean(platform, file, record, why)
        if scene in FACES_UNDERCOVER:
            truth.expect_undercover_finding("faces_in_photos", platform, file, record, f"undercover: a face in her own photo ({why})")


def main() -> None:
    truth = generate()
    ground_truth = {
        "persona": "Deputy Marisol Peñalver, Harlow County Sheriff's Office (invented)",
        "exports": {"facebook": FB_ROOT, "instagram": IG_ZIP, "x": X_ROOT, "photos": PHOTOS_ROOT, **more_exports.NAMES},
        "expected": truth.expected,
        "must_not_flag": truth.must_not_flag,
        "expected_undercover": truth.expected_undercover,
        "must_not_flag_undercover": truth.must_not_flag_undercover,
    }
    (ROOT / "ground_truth.json").write_text(json.dumps(ground_truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (ROOT / "references").mkdir(exist_ok=True)
    for name, (_kind, draw) in pictures.REFERENCES.items():
        draw().save(ROOT / "references" / name, optimize=True)
    (ROOT / "agency-profile.yaml").write_text(PROFILE_YAML, encoding="utf-8")
    (ROOT / "undercover-profile.yaml").write_text(UNDERCOVER_PROFILE_YAML, encoding="utf-8")
    print(f"Wrote {EXPORTS} ({len(truth.expected)} planted exposures, {len(truth.must_not_flag)} look-alikes)")


if __name__ == "__main__":
    main()
