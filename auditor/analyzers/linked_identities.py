"""Linked identities (clause 8): what ties an undercover officer's accounts to each other and to a real
name, the way username-search tools and investigators start.

The same or a similar username on several platforms, the same email address or phone number, the
same full name shown on several accounts, a bio or website that points to another of the
officer's accounts, and the same profile photo on several accounts (recognised by the perceptual
hash the imagery stage took of each profile photo, so a re-encoded, resized or slightly cropped copy
still matches). Only with `undercover: true` in the agency profile: for everyone else linked
accounts are normal, and the other checks cover what each account shows.
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz

from auditor.model import Account, Evidence, Finding, Item, ItemKind, ProfileField, Severity, VisualFeatures, make_item_id

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

SIMILAR = 88  # rapidfuzz ratio of two normalised usernames ("m.penalver" and "mpenalver_ks" score 90)
# Bits (of 64) in which two profile photos' pHashes may differ and still be the same photo. Measured on 20
# pictures (two real photos cut five ways, ten drawn ones) and copies of each: re-encoded, resized from 25 % to
# 150 %, PNG or WebP, brighter by 15 % differ in at most 4 bits; 3 % cropped off each side in at most 12 (20 of
# 20 match), 5 % in up to 18 (17 of 20 match). Different pictures differ in at least 22 bits (190 pairs), and
# 3,160 pairs of drawn pictures in at least 18.
SAME_PHOTO_BITS = 12
# Below this spread of grey levels (0-127) a picture is close to one flat colour, whose pHash matches any other
# flat picture's: such photos are not compared. A default grey avatar or a plain colour is no link.
MIN_DETAIL = 8.0


def _handle_key(handle: str) -> str:
    return re.sub(r"[^a-z0-9]", "", handle.lower().lstrip("@").split("@")[0])


def _name_key(name: str) -> str:
    """A full name as plain words, or "" when it is not one (a single word, or an initial)."""
    from auditor.names import fold

    words = fold(name).replace("-", " ").split()
    return " ".join(words) if len(words) >= 2 and all(len(w) >= 2 for w in words) else ""


def _accounts_by_platform(accounts: list[Account]) -> dict[str, Account]:
    """One merged view per platform (an export yields several partial Account records)."""
    merged: dict[str, dict[str, set[str]]] = {}
    for account in accounts:
        entry = merged.setdefault(account.platform, {"handles": set(), "names": set(), "emails": set(), "phones": set(),
                                                     "links": set()})
        if account.handle:
            entry["handles"].add(account.handle)
        if account.display_name:
            entry["names"].add(account.display_name)
        entry["emails"].update(e.lower() for e in account.emails)
        entry["phones"].update(re.sub(r"\D", "", p)[-10:] for p in account.phones if len(re.sub(r"\D", "", p)) >= 7)
        entry["links"].update(account.websites)
        if account.bio:
            entry["links"].add(account.bio)
    return {platform: Account(platform, handle=" ".join(sorted(e["handles"])), display_name=" | ".join(sorted(e["names"])),
                              emails=sorted(e["emails"]), phones=sorted(e["phones"]), websites=sorted(e["links"]))
            for platform, e in merged.items()}


@register
class LinkedIdentitiesCheck(Analyzer):
    name = "linked_identities"
    topics = ("linked_identities",)
    description = ("For undercover officers: usernames, emails, phones, names, bio links and profile photos that tie your "
                   "accounts together.")
    reads = frozenset({ProfileField.PHOTO})
    limits = ("a profile photo the export only links to (TikTok) or that was cropped heavily or edited, the same face in "
              "different photos, accounts you did not give an export of, and what other people's accounts reveal about you.")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.profile.undercover:
            return
        accounts = _accounts_by_platform(ctx.accounts)
        sources = {a.platform: a.source for a in ctx.accounts if a.source is not None}
        evidence = {platform: [Evidence(make_item_id(platform, source), platform, source, "account profile")]
                    for platform, source in sources.items()}
        groups: list[tuple[str, str, set[str]]] = []  # (what links them, shown value, platforms)
        for what, values in (("username", self._usernames(accounts)), ("email address", self._values(accounts, "emails")),
                             ("phone number", self._values(accounts, "phones")), ("full name", self._full_names(accounts))):
            groups += [(what, shown, platforms) for shown, platforms in values if len(platforms) > 1 or what == "full name"]
        groups += [("link in a bio", f"{platform_title(a)} → {platform_title(b)}", {a, b}) for a, b in self._bio_links(accounts)]
        yield from self._same_photos(ctx.items, ctx.visuals)
        for what, shown, platforms in groups:
            names = ", ".join(platform_title(p) for p in sorted(platforms))
            several = len(platforms) > 1
            yield Finding(
                detector=self.name, topic="linked_identities",
                severity=Severity.HIGH if several or what == "full name" else Severity.MEDIUM,
                title=(f"The same {what} links your {names} accounts" if several and what != "link in a bio" else
                       f"A {what} ties your accounts together ({shown})" if what == "link in a bio" else
                       f"Your {names} account shows a full name"),
                explanation=(LINKED if several else NAMED) + f" Found: {what} {_safe(what, shown)}.",
                platform="several" if several else next(iter(platforms)), confidence=0.95 if several else 0.8,
                evidence=[e for p in sorted(platforms) for e in evidence.get(p, [])],
            )

    def _same_photos(self, items: list[Item], visuals: dict) -> Iterable[Finding]:
        """Profile photos of different platforms whose hashes differ in few bits, grouped (one finding per photo)."""
        photos: list[tuple[Item, VisualFeatures]] = []
        for item in items:
            if item.kind != ItemKind.PROFILE_FIELD or item.field != ProfileField.PHOTO:
                continue
            for media in item.media:
                seen = visuals.get(media.ref) if media.ref is not None else None
                if seen is not None and seen.readable and seen.perceptual_hash and seen.detail >= MIN_DETAIL:
                    photos.append((item, seen))
        groups: list[list[tuple[Item, VisualFeatures]]] = []
        for photo in photos:
            for group in groups:
                if any(photo[1].hash_distance(other) <= SAME_PHOTO_BITS for _, other in group):
                    group.append(photo)
                    break
            else:
                groups.append([photo])
        for group in groups:
            platforms = sorted({item.platform for item, _ in group})
            if len(platforms) < 2:
                continue  # the same picture twice on one account links nothing
            names = " and ".join([", ".join(platform_title(p) for p in platforms[:-1]), platform_title(platforms[-1])])
            apart = max(a.hash_distance(b) for (_, a), (_, b) in zip(group, group[1:]))
            items_shown = list({item.id: item for item, _ in group}.values())
            yield Finding(
                detector=self.name, topic="linked_identities", severity=Severity.HIGH,
                title=f"The same profile photo links your {names} accounts",
                explanation=(SAME_PHOTO + f" Found: the profile photos of {names} are the same picture "
                             f"(their fingerprints differ in {apart} of 64 points; unrelated pictures differ in about 30)."),
                platform="several", confidence=0.9,
                evidence=[evidence_for(item, f"{item.field_label} ({item.media[0].path})") for item in items_shown],
            )

    @staticmethod
    def _values(accounts: dict[str, Account], field: str) -> list[tuple[str, set[str]]]:
        found: dict[str, set[str]] = {}
        for platform, account in accounts.items():
            for value in getattr(account, field):
                found.setdefault(value, set()).add(platform)
        return list(found.items())

    @staticmethod
    def _usernames(accounts: dict[str, Account]) -> list[tuple[str, set[str]]]:
        """Usernames equal or nearly equal once punctuation is set aside, grouped across platforms."""
        handles = [(platform, h, _handle_key(h)) for platform, a in accounts.items() for h in a.handle.split() if len(_handle_key(h)) >= 4]
        groups: list[tuple[list[str], set[str]]] = []
        for platform, shown, key in handles:
            for shown_list, platforms in groups:
                if any(fuzz.ratio(key, _handle_key(other)) >= SIMILAR for other in shown_list):
                    shown_list.append(shown)
                    platforms.add(platform)
                    break
            else:
                groups.append(([shown], {platform}))
        return [(" / ".join(dict.fromkeys(shown)), platforms) for shown, platforms in groups]

    @staticmethod
    def _full_names(accounts: dict[str, Account]) -> list[tuple[str, set[str]]]:
        found: dict[str, set[str]] = {}
        for platform, account in accounts.items():
            for name in account.display_name.split(" | "):
                key = _name_key(name)
                if key:
                    found.setdefault(key, set()).add(platform)
        return [(" ".join(w.capitalize() for w in key.split()), platforms) for key, platforms in found.items()]

    @staticmethod
    def _bio_links(accounts: dict[str, Account]) -> list[tuple[str, str]]:
        links = []
        for one, other in ((a, b) for a in accounts for b in accounts if a != b):
            # Whole handles only: "IG: @marisol.p_ks" names marisol.p_ks, not an account called "marisol".
            named = {_handle_key(word) for word in re.findall(r"[\w.\-]+", " ".join(accounts[one].websites).lower())}
            keys = [_handle_key(h) for h in accounts[other].handle.split()]
            if any(len(key) >= 5 and key in named for key in keys):
                links.append((one, other))
        return links


LINKED = ("Anyone who finds one of these accounts can find the others in minutes: matching usernames, emails, phone "
          "numbers and names is the first thing username-search tools and investigators do.")
SAME_PHOTO = ("A reverse image search finds every account that uses the same picture, however it was resized or "
              "re-saved. For undercover work each account needs its own photo, or none that shows you.")
NAMED = ("A first and last name on an account is what ties it to a person. For undercover work no account should carry "
         "your real name.")


def _safe(what: str, shown: str) -> str:
    """Emails and phone numbers are named by kind only: the report need not repeat them."""
    return "(not repeated here)" if what in ("email address", "phone number") else f"“{shown}”"
