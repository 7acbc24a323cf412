from datetime import datetime, timezone

import pytest

from auditor.model import ConnectionKind, ItemKind, Person, ProfileField, Visibility
from connectors.linkedin import parse_date
from samplegen import builders
from tests.conftest import by_path, outcome, read_export


def test_real_positions_profile_and_connections(real_exports):
    accounts, items, ledger = read_export(real_exports / "linkedin")
    positions = by_path(items, "Positions.csv")
    assert len(positions) == 6
    assert all(p.kind == ItemKind.PROFILE_FIELD and p.field == ProfileField.EMPLOYER for p in positions)
    assert positions[0].text.startswith("Information Technology - Software Engineer at Innovation for Health")
    assert positions[0].created_at == datetime(2021, 9, 1, tzinfo=timezone.utc)
    assert positions[0].audience == "current position"  # empty "Finished On"
    assert "Ελλάδα" in positions[4].text  # UTF-8 location kept
    employers = next(a for a in accounts if a.employers).employers
    assert "DataScouting" in employers
    # Profile.csv has only its header; Connections.csv only the Notes preamble and the header
    assert outcome(ledger, "Profile.csv").state == "parsed" and outcome(ledger, "Profile.csv").items == 0
    assert outcome(ledger, "Connections.csv").state == "parsed"


def test_real_2022_connections_header_without_url(real_exports):
    _, items, ledger = read_export(real_exports / "linkedin" / "variant_2022")
    assert items == [] and outcome(ledger, "Connections.csv").state == "parsed"


PREAMBLE = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n')


def test_connections_shares_and_emails(tmp_path):
    builders.write_tree(tmp_path / "li", {
        "Connections.csv": (PREAMBLE + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                            "Kelly,Brandt,https://www.linkedin.com/in/kb,,Harlow County Sheriff's Office,Deputy,22 Dec 2025\n"
                            ",,,,,,\n").encode("utf-8-sig"),
        "Shares.csv": ('Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n'
                       '2024-01-05 14:03:22,https://www.linkedin.com/feed/update/1,"Proud day.\nSworn in as a deputy!",,,MEMBER_NETWORK\n').encode(),
        "Email Addresses.csv": b"Email Address,Confirmed,Primary,Updated On\nk@harlowcountyso.gov,Yes,Yes,Not Available\n",
    })
    accounts, items, _ = read_export(tmp_path / "li")
    (connection,) = by_path(items, "Connections.csv")
    assert connection.kind == ItemKind.CONNECTION and connection.field == ConnectionKind.CONTACT
    assert connection.people[0].name == "Kelly Brandt" and connection.text == "Deputy at Harlow County Sheriff's Office"
    assert connection.created_at == datetime(2025, 12, 22, tzinfo=timezone.utc)
    (share,) = by_path(items, "Shares.csv")
    assert share.kind == ItemKind.POST and share.audience == "MEMBER_NETWORK" and "Sworn in as a deputy" in share.text
    assert any(a.emails == ("k@harlowcountyso.gov",) for a in accounts)


def test_comments_with_backslash_escaped_quotes_and_newlines_are_all_read(tmp_path):
    # LinkedIn writes quotes inside quoted fields as \" instead of CSV's "", and keeps newlines in the text.
    builders.write_tree(tmp_path / "li", {
        "Positions.csv": b"Company Name,Title,Description,Location,Started On,Finished On\n",  # makes it a LinkedIn export
        "Comments.csv": ('Date,Link,Message\n'
                         '2024-03-01 08:00:00,https://www.linkedin.com/feed/update/1,"My \\"quoted\\" words, as I wrote them"\n'
                         '2024-03-02 09:30:00,https://www.linkedin.com/feed/update/2,"First line\nsecond line"\n'
                         '2024-03-03 10:45:00,https://www.linkedin.com/feed/update/3,"He said \\"stay safe\\""\n'
                         '2024-03-04 11:15:00,https://www.linkedin.com/feed/update/4,"CSV\'s own ""doubled"" quotes; a path C:\\temp"\n'
                         ).encode(),
    })
    _, items, ledger = read_export(tmp_path / "li")
    assert outcome(ledger, "Comments.csv").state == "parsed" and outcome(ledger, "Comments.csv").items == 4
    comments = by_path(items, "Comments.csv")
    assert [c.text for c in comments] == ['My "quoted" words, as I wrote them', "First line\nsecond line", 'He said "stay safe"',
                                         'CSV\'s own "doubled" quotes; a path C:\\temp']
    assert all(c.kind == ItemKind.COMMENT for c in comments)
    assert [c.url[-1] for c in comments] == ["1", "2", "3", "4"]
    assert comments[2].created_at == datetime(2024, 3, 3, 10, 45, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, expected", [
    ("2024-01-05 14:03:22", datetime(2024, 1, 5, 14, 3, 22, tzinfo=timezone.utc)),
    ("22 Dec 2025", datetime(2025, 12, 22, tzinfo=timezone.utc)),
    ("Sep 2021", datetime(2021, 9, 1, tzinfo=timezone.utc)),
    ("2014", datetime(2014, 1, 1, tzinfo=timezone.utc)),
    ("", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_recommendations_and_endorsements_received_are_others_words(tmp_path):
    # Headers as tonypine/job-search-hub (server/internal/linkedinexport/vouching.go) reads them.
    builders.write_tree(tmp_path / "li", {
        "Positions.csv": b"Company Name,Title,Description,Location,Started On,Finished On\n",
        "Recommendations_Received.csv": (
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
            'Kelly,Brandt,Harlow County Sheriff\'s Office,Sergeant,"Marisol is the deputy you want on your shift.",'
            '"07/21/24, 12:11 PM",VISIBLE\n'
            "Ana,Ferreira,Salina Regional Health,Nurse,\"Kind and calm.\",\"01/02/23, 9:05 AM\",HIDDEN\n"
            "Empty,Text,Acme,Boss,,\"01/02/23, 9:05 AM\",VISIBLE\n").encode(),
        "Endorsement_Received_Info.csv": (
            "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
            "2024/08/01 10:00:00 UTC,Public Speaking,Kelly,Brandt,www.linkedin.com/in/kelly-brandt,ACCEPTED\n").encode(),
        "Recommendations_Given.csv": b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n",
    })
    _, items, ledger = read_export(tmp_path / "li")
    shown, hidden = by_path(items, "Recommendations_Received.csv")
    assert shown.kind == ItemKind.POST and shown.label == "recommendation" and shown.author.name == "Kelly Brandt"
    assert shown.text == "Marisol is the deputy you want on your shift."
    assert shown.created_at == datetime(2024, 7, 21, 12, 11, tzinfo=timezone.utc)
    assert shown.audience == "shown on your profile" and shown.visibility == Visibility.UNKNOWN
    assert hidden.visibility == Visibility.PRIVATE and hidden.author.name == "Ana Ferreira"
    assert "1 record(s) skipped" in outcome(ledger, "Recommendations_Received.csv").reason
    (endorsement,) = by_path(items, "Endorsement_Received_Info.csv")
    assert endorsement.field == ProfileField.SKILLS and endorsement.text == "Public Speaking"
    assert endorsement.author == Person(name="Kelly Brandt", platform_id="www.linkedin.com/in/kelly-brandt")
    assert endorsement.created_at == datetime(2024, 8, 1, 10, 0, tzinfo=timezone.utc)
    assert outcome(ledger, "Recommendations_Given.csv").state == "ignored"
