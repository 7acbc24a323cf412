"""Reddit's GDPR data request: one flat zip of CSV files (posts, comments, account statistics, IP logs
and more). Bodies are Markdown and may hold newlines inside quoted fields. There is no GPS: the only
location data is IP addresses. Described from parsers and Reddit's help; no public sample exists.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterator

from auditor.model import Account, Item, ItemKind, ProfileField, Setting, Visibility

from .base import Connector, ReadContext, Rule
from .registry import register
from .text import parse_formats

PLATFORM = "reddit"


def parse_time(value: Any) -> datetime | None:
    return parse_formats(value, "%Y-%m-%d %H:%M:%S")


def _rows(ctx: ReadContext, path: str) -> Iterator[tuple[int, dict[str, str]]]:
    for index, row in enumerate(ctx.read_csv(path).to_dict("records")):
        yield index, {str(k).strip().lower(): str(v) for k, v in row.items()}


def parse_posts(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        text = "\n".join(p for p in (row.get("title", ""), row.get("body", "")) if p.strip())
        yield ctx.item(path, f"row {index + 1} id {row.get('id', '')}", ItemKind.POST, text=text,
                    created_at=parse_time(row.get("date")), url=row.get("permalink", ""),
                    audience=f"r/{row['subreddit']}" if row.get("subreddit") else "",
                    visibility=Visibility.PUBLIC)  # subreddits are public unless the export says otherwise


def parse_comments(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        yield ctx.item(path, f"row {index + 1} id {row.get('id', '')}", ItemKind.COMMENT, text=row.get("body", ""),
                    created_at=parse_time(row.get("date")), url=row.get("permalink", ""),
                    audience=f"r/{row['subreddit']}" if row.get("subreddit") else "",
                    visibility=Visibility.PUBLIC)  # subreddits are public unless the export says otherwise


def parse_statistics(ctx: ReadContext, path: str) -> Iterator[Account | Item]:
    values = {row.get("statistic", ""): row.get("value", "") for _, row in _rows(ctx, path)}
    account = Account(platform=PLATFORM, handle=values.get("account name", ""), source=ctx.ref(path),
                      emails=[values["email address"]] if values.get("email address") else [])
    yield account
    for email in account.emails:
        yield ctx.item(path, "email address", ItemKind.PROFILE_FIELD, field=ProfileField.EMAIL, text=email)


def parse_communities(ctx: ReadContext, path: str) -> Iterator[Item]:
    field = ProfileField.MODERATED_COMMUNITY if "moderated" in path else ProfileField.SUBSCRIBED_COMMUNITY
    for index, row in _rows(ctx, path):
        name = row.get("subreddit", "")
        if name:
            yield ctx.item(path, f"row {index + 1}", ItemKind.PROFILE_FIELD, field=field, text=f"r/{name}")


def parse_preferences(ctx: ReadContext, path: str) -> Iterator[Item]:
    for index, row in _rows(ctx, path):
        if row.get("preference"):
            yield ctx.item(path, f"row {index + 1}", ItemKind.SETTING, field=Setting.OTHER, label=row["preference"],
                           text=row.get("value", ""))


@register
class RedditConnector(Connector):
    name = PLATFORM
    platform = PLATFORM
    title = "Reddit"
    signatures = (r"^posts(_headers)?\.csv$", r"^comments(_headers)?\.csv$", r"^statistics\.csv$", r"^ip_logs\.csv$",
                  r"^checkfile\.csv$", r"^subscribed_subreddits\.csv$")
    rules = (
        Rule(r"^posts(_headers)?(_\d+)?\.csv$", parse_posts),
        Rule(r"^comments(_headers)?(_\d+)?\.csv$", parse_comments),
        Rule(r"^statistics\.csv$", parse_statistics),
        Rule(r"^(subscribed|moderated|approved_submitter)_subreddits\.csv$", parse_communities),
        Rule(r"^user_preferences\.csv$", parse_preferences),
        Rule(r"^(messages|messages_archive|chat_history|message_headers|messages_headers|messages_archive_headers)(_\d+)?\.csv$",
             None, "private messages are not audited in this version"),
        Rule(r"^ip_logs\.csv$", None, "IP addresses of your logins; they give an approximate place, not shown to others"),
        Rule(r"^(checkfile|post_votes|comment_votes|poll_votes|saved_posts|saved_comments|hidden_posts|drafts|multireddits|"
             r"gilded_content|gold_received|purchases|payouts|stripe|persona|account_gender|birthdate|linked_identities|"
             r"linked_phone_number|twitter|sensitive_ads_preferences|friends|announcements|scheduled_posts|"
             r"subscriptions|reddit_gold_information|message_headers)(_\d+)?\.csv$", None,
             "votes, saves, payments and account details; nothing published"),
    )
