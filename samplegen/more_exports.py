"""Sample exports of the same persona on LinkedIn, Google (a two-part Takeout), Snapchat, TikTok,
Reddit and Mastodon, each in the container the platform really uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import builders
from .persona import GYM, HOME, STATION, TRAIL, GroundTruth, ts
from .trails import simulate

# The persona's phone location history: six weeks of day shifts, gym on Tuesdays, Thursdays and
# Saturdays, and errands around town. Half of the days have a point recorded.
TRAIL_POINTS = simulate(HOME, STATION, {"gym": GYM}, "America/Chicago", days=42, seed=2025, activity=0.5,
                        noise_per_day=0.5, jitter_m=35.0)

LI_ZIP = "Basic_LinkedInDataExport_03-02-2025.zip"
TAKEOUT_PARTS = ("takeout-20250302T101500Z-001.zip", "takeout-20250302T101500Z-002.zip")
SNAP_ROOT = "mydata~1740900000000"
TIKTOK_ZIP = "TikTok_Data_1740900000.zip"
REDDIT_ROOT = "export_mpenalver_ks_20250302"
MASTODON_TGZ = "archive-20250302093000-4f2a9c1e.tar.gz"
NAMES = {"linkedin": LI_ZIP, "google": list(TAKEOUT_PARTS), "snapchat": SNAP_ROOT, "tiktok": TIKTOK_ZIP,
         "reddit": REDDIT_ROOT, "mastodon": MASTODON_TGZ}

LINKEDIN_NOTE = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
                 'You will only see email addresses for connections who have allowed their connections to see or download '
                 'their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn '
                 'more here https://www.linkedin.com/help/linkedin/answer/261"\n\n')


def _csv(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def linkedin(truth: GroundTruth) -> dict[str, bytes]:
    files = {
        "Profile.csv": _csv("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers",
                            ['Marisol,Peñalver,,,"Apr 17, 1991",Deputy Sheriff at Harlow County Sheriff\'s Office,'
                             '"Serving my community since 2018. Runner, baker, dog person.",Law Enforcement,67401,"Salina, Kansas",[mpenalver_ks],,']),
        "Positions.csv": _csv("Company Name,Title,Description,Location,Started On,Finished On", [
            "Harlow County Sheriff's Office,Deputy Sheriff,Patrol division,\"Salina, Kansas\",Jul 2018,",
            "Prairie Grounds Coffee,Shift Supervisor,Opened the store and trained new baristas,\"Salina, Kansas\",Jan 2015,Jun 2018",
        ]),
        "Connections.csv": (LINKEDIN_NOTE + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                            "Kelly,Brandt,https://www.linkedin.com/in/kelly-brandt-0a1b2c,,Harlow County Sheriff's Office,Sergeant,14 Aug 2019\n"
                            "Ana Lucía,Ferreira,https://www.linkedin.com/in/analuciaf,,Salina Regional Health,Nurse,02 Feb 2021\n").encode("utf-8"),
        "Shares.csv": _csv("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility", [
            '2019-01-18 16:20:00,https://www.linkedin.com/feed/update/urn:li:activity:6490000000000000001,'
            '"Finished my field training program this week!\nThank you to everyone who helped.",,,MEMBER_NETWORK',
            '2023-09-09 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000002,'
            '"Signed up for the Salina 5K again, who is in?",,,',
        ]),
        "Email Addresses.csv": _csv("Email Address,Confirmed,Primary,Updated On", ["marisol.penalver@example.net,Yes,Yes,Not Available"]),
        "Ad_Targeting.csv": _csv("Member Age,Company Names", ["25 to 34,"]),
        # What others wrote about her, shown on her profile.
        "Recommendations_Received.csv": _csv("First Name,Last Name,Company,Job Title,Text,Creation Date,Status", [
            "Kelly,Brandt,Harlow County Sheriff's Office,Sergeant,\"I supervised Marisol on patrol for three years. She is the "
            "deputy you want backing you up on a traffic stop at 2 a.m.\",\"03/14/22, 10:05 AM\",VISIBLE",
            "Ana Lucía,Ferreira,Salina Regional Health,Nurse,\"Marisol trained half the baristas at Prairie Grounds and never "
            "lost her patience with any of us.\",\"06/30/18, 4:40 PM\",VISIBLE",
        ]),
        "Endorsement_Received_Info.csv": _csv(
            "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status",
            ["2022/03/15 08:00:00 UTC,Public Speaking,Kelly,Brandt,www.linkedin.com/in/kelly-brandt-0a1b2c,ACCEPTED"]),
    }
    truth.expect("employment", "linkedin", "Positions.csv", "row 1", "current position at the sheriff's office")
    truth.clean("linkedin", "Positions.csv", "row 2", "a coffee-shop job")
    truth.expect("employment", "linkedin", "Profile.csv", "row 1.Headline", "headline names the job and agency")
    truth.expect("employment", "linkedin", "Shares.csv", "row 1", "field training program")
    truth.clean("linkedin", "Shares.csv", "row 2", "a fun run")
    truth.expect("coworkers", "linkedin", "Connections.csv", None, "a roster member among connections")
    truth.expect("employment", "linkedin", "Recommendations_Received.csv", "row 1", "a sergeant's recommendation names her patrol job")
    truth.expect("coworkers", "linkedin", "Recommendations_Received.csv", "row 1", "written by a roster member")
    truth.clean("linkedin", "Recommendations_Received.csv", "row 2", "a recommendation for the coffee-shop job")
    truth.clean("linkedin", "Endorsement_Received_Info.csv", "row 1", "a skill endorsement that says nothing about the job")
    return files


def _sidecar(title: str, taken: int, lat: float = 0.0, lon: float = 0.0, people: list[str] = (), description: str = "") -> bytes:
    geo = {"latitude": lat, "longitude": lon, "altitude": 0.0, "latitudeSpan": 0.0, "longitudeSpan": 0.0}
    data: dict[str, Any] = {
        "title": title, "description": description, "imageViews": "3",
        "creationTime": {"timestamp": str(taken + 3600), "formatted": "ignored"},
        "photoTakenTime": {"timestamp": str(taken), "formatted": "ignored"},
        "geoData": geo, "geoDataExif": geo, "url": "https://photos.google.com/photo/AF1QipSample",
        "googlePhotosOrigin": {"mobileUpload": {"deviceType": "IOS_PHONE"}},
    }
    if people:
        data["people"] = [{"name": n} for n in people]
    return json.dumps(data, indent=2).encode()


def _e7(point: tuple[float, float]) -> dict[str, int]:
    return {"latitudeE7": round(point[0] * 1e7), "longitudeE7": round(point[1] * 1e7)}


def google(truth: GroundTruth) -> tuple[dict[str, bytes], dict[str, bytes]]:
    album = "Takeout/Google Photos/Photos from 2024/"
    part1 = {
        album + "IMG_3301.HEIC.json": _sidecar("IMG_3301.HEIC", int(ts(2024, 7, 4, 1).timestamp()), *HOME, people=["Kelly Brandt"],
                                              description="Fourth of July on the porch"),
        album + "IMG_3302.JPG.supplemental-metadata.json": _sidecar("IMG_3302.JPG", int(ts(2024, 7, 5, 15).timestamp())),
        "Takeout/Location History (Timeline)/Semantic Location History/2024/2024_MARCH.json": json.dumps({"timelineObjects": [
            {"placeVisit": {"location": {**_e7(HOME), "placeId": "ChIJsampleHome01", "address": "", "semanticType": "TYPE_HOME",
                                         "locationConfidence": 92.1},
                            "duration": {"startTimestamp": "2024-03-05T03:10:00Z", "endTimestamp": "2024-03-05T13:00:00Z"},
                            "placeConfidence": "HIGH_CONFIDENCE"}},
            {"placeVisit": {"location": {**_e7(STATION), "placeId": "ChIJsampleWork01", "semanticType": "TYPE_WORK",
                                         "name": "Work"},
                            "duration": {"startTimestamp": "2024-03-05T14:00:00Z", "endTimestamp": "2024-03-05T22:30:00Z"}}},
        ]}, indent=2).encode(),
        "Takeout/Location History (Timeline)/Records.json": json.dumps({"locations": [
            {**_e7((p.lat, p.lon)), "accuracy": 12 + (i * 7) % 40, "source": ("WIFI", "GPS", "CELL")[i % 3],
             "timestamp": p.when.strftime("%Y-%m-%dT%H:%M:%S.000Z")} for i, p in enumerate(TRAIL_POINTS)
        ]}, indent=2).encode(),
        "Takeout/archive_browser.html": b"<!DOCTYPE html><html><body>Takeout part 1</body></html>",
    }
    part2 = {
        album + "IMG_3301.HEIC": builders.heic(),
        album + "IMG_3302.JPG": builders.jpeg(color=(30, 120, 60)),
        "Takeout/My Activity/Search/MyActivity.json": json.dumps([
            {"header": "Search", "title": "Searched for pie crust recipe", "titleUrl": "https://www.google.com/search?q=pie+crust",
             "time": "2024-11-20T01:02:03.000Z", "products": ["Search"]}], indent=2).encode(),
        "Takeout/Profile/Profile.json": json.dumps({"name": {"givenName": "Marisol", "familyName": "Peñalver", "formattedName": "Marisol Peñalver"},
                                                    "displayName": "Marisol Peñalver",
                                                    "emails": [{"value": "marisol.penalver@example.net"}]}, indent=2, ensure_ascii=False).encode(),
        "Takeout/YouTube and YouTube Music/comments/comments.csv": _csv(
            "Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text", [
                'UgxA1,UCsample,2024-02-11T20:00:00+00:00,,,dQw4w9WgXcQ,"{""text"":""This is exactly how my sergeant explains it at roll call""}"',
                'UgxA2,UCsample,2024-02-12T20:00:00+00:00,,,abcdefghijk,"{""text"":""Best sourdough tutorial on here""}"',
            ]),
        "Takeout/archive_browser.html": b"<!DOCTYPE html><html><body>Takeout part 2</body></html>",
    }
    truth.expect("geotags", "google", album + "IMG_3301.HEIC.json", "", "photo located at home (sidecar; media in part 2)")
    truth.expect("coworkers", "google", album + "IMG_3301.HEIC.json", "", "a roster member tagged in Google Photos")
    truth.clean("google", album + "IMG_3302.JPG.supplemental-metadata.json", "", "0,0 means no location")
    semantic = "Takeout/Location History (Timeline)/Semantic Location History/2024/2024_MARCH.json"
    truth.expect("platform_places", "google", semantic, "timelineObjects[0].placeVisit", "Google labels home")
    truth.expect("platform_places", "google", semantic, "timelineObjects[1].placeVisit", "Google labels the workplace")
    truth.expect("employment", "google", "Takeout/YouTube and YouTube Music/comments/comments.csv", "row 1", "roll call, my sergeant")
    truth.clean("google", "Takeout/YouTube and YouTube Music/comments/comments.csv", "row 2", "a baking comment")
    return part1, part2


def snapchat(truth: GroundTruth) -> dict[str, bytes]:
    def loc(point: tuple[float, float], accuracy: float) -> str:
        return f"lat {point[0]:.4f} ± {accuracy} meters, long {point[1]:.4f} ± {accuracy} meters"

    files = {
        "json/memories_history.json": json.dumps({"Saved Media": [
            {"Date": "2024-06-11 11:20:00 UTC", "Media Type": "Image", "Location": f"Latitude, Longitude: {GYM[0]}, {GYM[1]}",
             "Download Link": "https://app.snapchat.com/dmd/memories?uid=sample&sid=1&mid=2&ts=3&sig=x"},
            {"Date": "2024-06-12 09:00:00 UTC", "Media Type": "Video", "Location": "Latitude, Longitude: 0.0, 0.0",
             "Download Link": "https://app.snapchat.com/dmd/memories?uid=sample&sid=4&mid=5&ts=6&sig=y"},
        ]}, separators=(",", ":"), ensure_ascii=False).encode(),
        "json/location_history.json": json.dumps({
            "Frequent Locations": [{"City": "salina", "Country": "us", "Region": "kansas"}],
            "Latest Location": [{"City": "salina", "Country": "us", "Region": "kansas"}],
            "Home & Work": {"Home": loc(HOME, 19.47), "Work": ""},
            "Location History": [{"Time": p.when.strftime("%Y/%m/%d %H:%M:%S UTC"),
                                  "Latitude, Longitude": f"{p.lat:.5f} ± 39.66 meters, {p.lon:.5f} ± 39.66 meters"}
                                 for p in TRAIL_POINTS[::4]],
        }, separators=(",", ":"), ensure_ascii=False).encode(),
        "json/account.json": json.dumps({"Basic Information": {"Username": "marisol.ks", "Name": "Marisol",
                                                               "Creation Date": "2016-02-01 10:00:00 UTC"}}).encode(),
        "json/friends.json": json.dumps({"Friends": [
            {"Username": "kbrandt_hcso", "Display Name": "Kelly Brandt", "Creation Timestamp": "2019-08-14 10:00:00 UTC"},
            {"Username": "ana.lucia", "Display Name": "Ana Lucía", "Creation Timestamp": "2020-01-01 10:00:00 UTC"}]}, ensure_ascii=False).encode(),
        "json/chat_history.json": json.dumps({"Received Saved Chat History": []}).encode(),
        "index.html": b"<!DOCTYPE html><html><body><a href='html/memories_history.html'>Memories</a></body></html>",
    }
    truth.expect("geotags", "snapchat", "json/memories_history.json", "Saved Media[0]", "memory saved at the gym")
    truth.clean("snapchat", "json/memories_history.json", "Saved Media[1]", "0,0 is no location")
    truth.expect("platform_places", "snapchat", "json/location_history.json", "Home & Work.Home", "Snapchat's guess of home")
    truth.expect("coworkers", "snapchat", "json/friends.json", None, "a roster member among friends")
    return files


def tiktok(truth: GroundTruth) -> dict[str, bytes]:
    data = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "marisol.ks", "bioDescription": "Dog mom 🐾 | trail runner | #deputylife",
                                                    "emailAddress": "marisol.penalver@example.net", "likesReceived": "1204"}}},
        "Post": {"Posts": {"VideoList": [
            {"Date": "2024-01-19 04:10:00", "Link": "https://www.tiktokv.com/share/video/7325000000000000001/", "Likes": "88",
             "WhoCanView": "Everyone", "AllowComments": "Everyone", "Location": "Salina, Kansas",
             "Title": "Night shift snacks with @kbrandt_hcso #policelife"},
            {"Date": "2024-05-02 19:30:00", "Link": "https://www.tiktokv.com/share/video/7364000000000000002/", "Likes": "12",
             "WhoCanView": "Everyone", "Title": "Sunset drive 🌅 #kansas"},
        ]}},
        "Comment": {"Comments": {"CommentsList": [{"date": "2024-03-03 20:00:00", "comment": "The fashion police would arrest me lol"}]}},
        "Your Activity": {"Following": {"Following": [{"Date": "2021-03-03 20:00:00", "UserName": "kbrandt_hcso"}]},
                          "Watch History": {"VideoList": [{"Date": "2024-01-01 00:00:00", "Link": "https://x"}]}},
        "App Settings": {"Settings": {"SettingsMap": {"Private Account": "Disabled", "Suggest your account to others": "Enabled",
                                                      "Allow Others to Find Me": "On", "Who Can Post Comments": "Everyone"}}},
    }
    files = {"user_data_tiktok.json": json.dumps(data, indent=2, ensure_ascii=False).encode()}
    truth.expect("employment", "tiktok", "user_data_tiktok.json", "Profile.ProfileMap.bioDescription", "#deputylife in the bio")
    truth.expect("employment", "tiktok", "user_data_tiktok.json", "Post.Posts.VideoList[0]", "#policelife on a video")
    truth.expect("coworkers", "tiktok", "user_data_tiktok.json", "Post.Posts.VideoList[0]", "mentions a roster member")
    truth.expect("coworkers", "tiktok", "user_data_tiktok.json", None, "follows a roster member")
    truth.clean("tiktok", "user_data_tiktok.json", "Post.Posts.VideoList[1]", "a sunset")
    truth.expect("privacy_history", "tiktok", "user_data_tiktok.json", "App Settings.Settings.SettingsMap.Private Account",
                 "public account: both videos were visible to anyone")
    truth.expect("privacy_settings", "tiktok", "user_data_tiktok.json", "App Settings.Settings.SettingsMap.Allow Others to Find Me",
                 "others can find the account")
    truth.expect("privacy_settings", "tiktok", "user_data_tiktok.json", "App Settings.Settings.SettingsMap.Suggest your account to others",
                 "account suggested to others")
    truth.clean("tiktok", "user_data_tiktok.json", "Comment.Comments.CommentsList[0]", "fashion police")
    return files


def reddit(truth: GroundTruth) -> dict[str, bytes]:
    files = {
        "posts.csv": ("\ufeffid,permalink,date,ip,subreddit,gildings,title,url,body\n"
                      "1b2c3d,https://www.reddit.com/r/ProtectAndServe/comments/1b2c3d/,2024-03-10 04:12:00 UTC,203.0.113.24,ProtectAndServe,0,"
                      "\"Six years in, still love patrol\",,\"I've been a deputy for six years now.\nAsk me anything about rural patrol.\"\n"
                      "1e5f6g,https://www.reddit.com/r/Breadit/comments/1e5f6g/,2024-04-01 18:00:00 UTC,203.0.113.24,Breadit,0,"
                      "First sourdough!,,\"Crumb shot in the comments\"\n").encode("utf-8"),
        "comments.csv": ("id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"
                         "k1,https://www.reddit.com/r/salina/comments/x/k1/,2024-05-01 12:00:00 UTC,,salina,0,,,"
                         "\"Called the police about the loose dog, they were quick\",\n"
                         "k2,https://www.reddit.com/r/grammar/comments/y/k2/,2024-05-02 12:00:00 UTC,,grammar,0,,,"
                         "\"Grammar police reporting in\",\n").encode("utf-8"),
        "statistics.csv": b"statistic,value\naccount name,mpenalver_ks\nexport time,2025-03-02 09:00:00 UTC\nemail address,marisol.penalver@example.net\n",
        "subscribed_subreddits.csv": b"subreddit\nProtectAndServe\nBreadit\nsalina\n",
        "ip_logs.csv": b"date,ip\n2024-03-10 04:12:00 UTC,203.0.113.24\n",
        "checkfile.csv": b"filename,sha256\nposts.csv,0\n",
        "post_votes.csv": b"id,permalink,direction\n",
    }
    truth.expect("employment", "reddit", "posts.csv", "row 1 id 1b2c3d", "states the job in a post")
    truth.clean("reddit", "posts.csv", "row 2 id 1e5f6g", "bread")
    truth.clean("reddit", "comments.csv", "row 1 id k1", "calling the police")
    truth.clean("reddit", "comments.csv", "row 2 id k2", "grammar police")
    return files


def mastodon(truth: GroundTruth) -> dict[str, bytes]:
    actor_id = "https://mastodon.example/users/marisol"
    public = "https://www.w3.org/ns/activitystreams#Public"
    media_path = "media_attachments/files/112/233/445/566/778/899/original/5d1c0a9e7b3f2a11.jpg"

    def create(n: int, html: str, when: str, to: list[str], cc: list[str], tags: list[dict] = (), attachment: list[dict] = ()) -> dict:
        status = f"{actor_id}/statuses/11223344556677{n:04d}"
        return {"id": status + "/activity", "type": "Create", "actor": actor_id, "published": when, "to": to, "cc": cc,
                "object": {"id": status, "type": "Note", "summary": None, "inReplyTo": None, "published": when,
                           "url": f"https://mastodon.example/@marisol/11223344556677{n:04d}", "attributedTo": actor_id,
                           "to": to, "cc": cc, "sensitive": False, "content": html, "contentMap": {"en": html},
                           "attachment": list(attachment), "tag": list(tags)}}

    outbox = {"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", "totalItems": 4,
              "orderedItems": [
                  create(1, "<p>Trail run before the storm</p>", "2024-04-20T13:00:00Z", [public], [actor_id + "/followers"],
                         attachment=[{"type": "Document", "mediaType": "image/jpeg", "url": media_path, "name": "A muddy trail"}]),
                  create(2, '<p><span class="h-card"><a href="https://mastodon.social/@kbrandt_hcso" class="u-url mention">@<span>kbrandt_hcso</span></a></span> see you at the range Saturday</p>',
                         "2024-05-01T18:00:00Z", [public], [actor_id + "/followers", "https://mastodon.social/users/kbrandt_hcso"],
                         tags=[{"type": "Mention", "href": "https://mastodon.social/users/kbrandt_hcso", "name": "@kbrandt_hcso@mastodon.social"}]),
                  create(3, "<p>Back the blue, always. Thank you to everyone who came out.</p>", "2024-05-15T18:00:00Z",
                         [actor_id + "/followers"], []),
                  {"id": f"{actor_id}/statuses/1/activity", "type": "Announce", "actor": actor_id, "published": "2024-05-16T10:00:00Z",
                   "to": [public], "cc": [], "object": "https://other.example/users/x/statuses/1"},
              ]}
    actor = {"@context": ["https://www.w3.org/ns/activitystreams"], "id": actor_id, "type": "Person", "preferredUsername": "marisol",
             "name": "Marisol P.", "summary": "<p>Runner, baker, dog person.</p>", "outbox": "outbox.json",
             "manuallyApprovesFollowers": False, "discoverable": True, "published": "2023-01-01T00:00:00Z",
             "attachment": [{"type": "PropertyValue", "name": "Work", "value": "Harlow County Sheriff's Office"},
                            {"type": "PropertyValue", "name": "Pronouns", "value": "she/her"}],
             "icon": {"type": "Image", "mediaType": "image/jpeg", "url": "avatar.jpg"}}
    files = {
        "outbox.json": json.dumps(outbox, indent=2).encode(),
        "actor.json": json.dumps(actor, indent=2).encode(),
        "likes.json": json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json", "type": "OrderedCollection",
                                  "orderedItems": ["https://other.example/users/x/statuses/2"]}).encode(),
        "bookmarks.json": json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "bookmarks.json",
                                      "type": "OrderedCollection", "orderedItems": []}).encode(),
        "avatar.jpg": builders.encoded(builders.portrait(11, 200), quality=85),
        media_path: builders.jpeg(*TRAIL, ts(2024, 4, 20, 12, 40), "Google", "Pixel 7"),
    }
    truth.clean_undercover("same profile photo", "actor.json", "icon.url", "the Mastodon avatar is a different picture")
    truth.expect("employment", "mastodon", "actor.json", "attachment[0]", "a 'Work' profile field names the agency")
    truth.clean("mastodon", "actor.json", "attachment[1]", "pronouns")
    truth.expect("privacy_settings", "mastodon", "actor.json", "discoverable", "listed in the directory")
    truth.expect("privacy_settings", "mastodon", "actor.json", "manuallyApprovesFollowers", "anyone can follow")
    truth.expect("geotags", "mastodon", "outbox.json", "orderedItems[0]", "attached photo kept its GPS")
    truth.expect("coworkers", "mastodon", "outbox.json", "orderedItems[1]", "mentions a roster member")
    truth.expect("employment", "mastodon", "outbox.json", "orderedItems[2]", "affinity phrase (low)")
    return files


def plant_places(truth: GroundTruth) -> None:
    """What the pattern-of-life check should conclude from all the persona's points together."""
    truth.expect_area("likely home", HOME, 200, "nights and weekends in the location history, photos and tweets")
    truth.expect_area("likely workplace", STATION, 300, "weekday working hours at the station")
    truth.expect_area("routine place", GYM, 200, "the gym three times a week")


def write_all(target: Path, truth: GroundTruth) -> None:
    plant_places(truth)
    builders.write_zip(target / LI_ZIP, linkedin(truth))
    part1, part2 = google(truth)
    builders.write_zip(target / TAKEOUT_PARTS[0], part1)
    builders.write_zip(target / TAKEOUT_PARTS[1], part2)
    builders.write_tree(target / SNAP_ROOT, snapchat(truth))
    builders.write_zip(target / TIKTOK_ZIP, tiktok(truth))
    builders.write_tree(target / REDDIT_ROOT, reddit(truth))
    builders.write_tar_gz(target / MASTODON_TGZ, mastodon(truth))
