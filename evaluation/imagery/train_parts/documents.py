"""Screens and papers: records-system screens, incident reports, booking sheets and evidence tags (all with
invented names and case numbers), and ordinary documents that look like them (recipes, invoices, a privacy
POLICY, a school letter from the DEPUTY head, a nail POLISH price list)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from .canvas import AGENCY_ABBREVIATION, AGENCY_NAME, Kind, Layer
from .people import face_tile

FIRST = ("Dana", "Luis", "Priya", "Marcus", "Erin", "Tomasz", "Keisha", "Owen", "Mei", "Rafael", "Greta", "Sam")
LAST = ("Okafor", "Lindqvist", "Moreno", "Hale", "Nakamura", "Brennan", "Dubois", "Castillo", "Marshall", "Yilmaz")
OFFENCES = ("THEFT", "BURGLARY", "DUI", "ASSAULT", "VANDALISM", "TRESPASS", "FRAUD", "WARRANT SERVICE")
INK = (25, 25, 30, 255)


def name(rng: np.random.Generator) -> str:
    return f"{rng.choice(LAST).upper()}, {rng.choice(FIRST)}"


def case_number(rng: np.random.Generator) -> str:
    return f"{AGENCY_ABBREVIATION}-{int(rng.integers(2019, 2026))}-{int(rng.integers(1, 99999)):05d}"


def _page(width: int, height: int, paper=(250, 250, 246)) -> Layer:
    return Layer.blank(width, height, (*paper, 255))


def _field_rows(page: Layer, rng: np.random.Generator, top: float, labels: list[str], values: list[str], size: int) -> float:
    width = page.size[0]
    y = top
    for label, value in zip(labels, values):
        page.draw.rectangle((40, y, width - 40, y + size * 2.4), outline=(120, 120, 120, 255), width=1)
        page.text((48, y + 4), label, int(size * 0.7), face="sans", fill=(90, 90, 90, 255), le=False)
        page.text((48, y + size * 1.05), value, size, face="mono", fill=INK, le=False)
        y += size * 2.4
    return y


def _narrative(page: Layer, rng: np.random.Generator, top: float, size: int, lines: int, words: tuple[str, ...]) -> None:
    for row in range(lines):
        line = " ".join(rng.choice(words, size=int(rng.integers(6, 11))))
        page.text((48, top + row * size * 1.5), line.capitalize(), size, face="sans", fill=INK, le=False)


NARRATIVE = ("the", "reporting", "party", "stated", "vehicle", "was", "observed", "near", "the", "residence", "at",
             "approximately", "hours", "and", "contact", "made", "with", "subject", "who", "advised", "property", "missing")
ORDINARY = ("the", "please", "order", "delivery", "total", "items", "our", "team", "will", "thank", "you", "for",
            "your", "minutes", "add", "stir", "bake", "until", "golden", "serve", "with", "fresh", "herbs")


def records_screen(rng: np.random.Generator) -> Layer:
    width, height = int(rng.integers(1100, 1600)), int(rng.integers(700, 950))
    screen = _page(width, height, (236, 239, 244))
    screen.draw.rectangle((0, 0, width, 34), fill=(45, 60, 90, 255))
    screen.text((14, 8), f"RMS  ·  {AGENCY_ABBREVIATION} Records Management  ·  Incident query", 15, face="sans",
                fill=(255, 255, 255, 255))
    title = int(rng.integers(14, 34))
    screen.text((30, 60), AGENCY_NAME.upper(), title, fill=(30, 40, 80, 255))
    y = 60 + title * 1.8
    row = int(rng.integers(13, 17))
    columns = (30, 250, 520, 760, 960)
    for x, head in zip(columns, ("CASE NO.", "SUBJECT", "OFFENCE", "DEPUTY", "STATUS")):
        screen.text((x, y), head, row, fill=(60, 60, 60, 255))
    y += row * 2
    for line in range(int(rng.integers(8, 18))):
        if line % 2:
            screen.draw.rectangle((20, y - 4, width - 20, y + row * 1.4), fill=(225, 230, 238, 255))
        values = (case_number(rng), name(rng), str(rng.choice(OFFENCES)), f"#{int(rng.integers(100, 400))}",
                  str(rng.choice(["OPEN", "CLOSED", "PENDING"])))
        for x, value in zip(columns, values):
            screen.text((x, y), value, row, face="mono", fill=INK, le=False)
        y += row * 1.8
        if y > height - 40:
            break
    screen.mark(Kind.DOCUMENT, "records-system screen", width)
    return screen


def incident_report(rng: np.random.Generator) -> Layer:
    width, height = 850, 1100
    page = _page(width, height)
    header = int(rng.integers(16, 34))
    page.text((width / 2, 50), AGENCY_NAME.upper(), header, anchor="mm", fill=INK)
    page.text((width / 2, 50 + header * 1.4), "INCIDENT REPORT", int(header * 0.9), anchor="mm", fill=INK)
    top = 70 + header * 2.4
    y = _field_rows(page, rng, top, ["Case number", "Date / time", "Reporting deputy", "Subject"],
                    [case_number(rng), f"{int(rng.integers(1, 12)):02d}/{int(rng.integers(1, 28)):02d}/2024 "
                     f"{int(rng.integers(0, 23)):02d}:{int(rng.integers(0, 59)):02d}", f"Dep. {name(rng)}", name(rng)], 16)
    page.text((48, y + 20), "NARRATIVE", 16, fill=INK, le=False)
    _narrative(page, rng, y + 50, 14, int(rng.integers(12, 25)), NARRATIVE)
    page.mark(Kind.DOCUMENT, "incident report", width)
    return page


def booking_sheet(rng: np.random.Generator) -> Layer:
    width, height = 850, 1100
    page = _page(width, height)
    header = int(rng.integers(16, 30))
    page.text((40, 40), "CORRECTIONS DIVISION - BOOKING SHEET", header, fill=INK)
    page.text((40, 40 + header * 1.5), AGENCY_NAME, int(header * 0.7), face="sans", fill=INK)
    photo_size = int(rng.integers(90, 200))
    skin = ((236, 200, 170), (170, 120, 85), (210, 160, 120))[int(rng.integers(0, 3))]
    tile = face_tile(rng, photo_size, skin)
    left, upper = width - photo_size - 50, 40
    page.draw.rectangle((left - 6, upper - 6, left + photo_size + 6, upper + photo_size + 6), fill=(200, 200, 205, 255))
    page.image.alpha_composite(tile, (left, upper))
    page.mark(Kind.FACE, "mugshot", photo_size, (left, upper, left + photo_size, upper + photo_size))
    top = max(upper + photo_size + 30, 60 + header * 3)
    _field_rows(page, rng, top, ["Booking no.", "Name", "Charge", "Arresting officer", "Property", "Bond"],
                [f"B{int(rng.integers(100000, 999999))}", name(rng), str(rng.choice(OFFENCES)), f"Dep. {name(rng)}",
                 "wallet, phone, keys", f"${int(rng.integers(5, 200)) * 100}"], 16)
    page.mark(Kind.DOCUMENT, "booking sheet", width)
    return page


def evidence_tag(rng: np.random.Generator) -> Layer:
    width, height = 420, 760
    tag = Layer.blank(width, height)
    tag.draw.polygon([(60, 0), (360, 0), (420, 60), (420, 760), (0, 760), (0, 60)], fill=(225, 200, 150, 255))
    tag.draw.ellipse((190, 25, 230, 65), fill=(0, 0, 0, 0), outline=(150, 120, 70, 255), width=5)
    tag.draw.rectangle((20, 90, 400, 150), fill=(200, 30, 30, 255))
    tag.text((210, 120), "EVIDENCE", 44, fill=(255, 255, 255, 255), anchor="mm")
    tag.text((210, 180), AGENCY_NAME.upper(), 15, fill=INK, anchor="mm")
    y = 220
    for label, value in (("CASE NO.", case_number(rng)), ("ITEM", f"{int(rng.integers(1, 30))} of {int(rng.integers(30, 60))}"),
                         ("COLLECTED BY", f"Dep. {name(rng)}"), ("DATE", f"{int(rng.integers(1, 12))}/{int(rng.integers(1, 28))}/2024")):
        tag.text((30, y), label, 16, fill=(90, 70, 40, 255), le=False)
        tag.text((30, y + 24), value, 22, face="monobold", fill=(20, 30, 120, 255), le=False)
        tag.draw.line([(30, y + 52), (390, y + 52)], fill=(150, 120, 70, 255), width=2)
        y += 80
    tag.text((30, y + 10), "CHAIN OF CUSTODY", 18, fill=INK, le=False)
    tag.mark(Kind.DOCUMENT, "evidence tag", width)
    return tag


def other_agency_log(rng: np.random.Generator) -> Layer:
    """Another agency's dispatch log: a law-enforcement document, with police words, not this agency's."""
    width, height = 1200, 800
    screen = _page(width, height, (20, 24, 28))
    title = int(rng.integers(20, 34))
    screen.text((30, 30), f"{rng.choice(['MARLOW', 'WESTON'])} POLICE DEPARTMENT - DISPATCH LOG", title, fill=(120, 230, 120, 255))
    y = 40 + title * 2
    while y < height - 40:
        line = f"{int(rng.integers(0, 23)):02d}:{int(rng.integers(0, 59)):02d}  UNIT {int(rng.integers(10, 60))}  " \
               f"{rng.choice(OFFENCES)}  {int(rng.integers(100, 9999))} {rng.choice(['MAIN ST', 'OAK AVE', 'RIVER RD'])}"
        screen.text((30, y), line, 15, face="mono", fill=(120, 230, 120, 255), le=False)
        y += 26
    screen.mark(Kind.DOCUMENT, "dispatch log", width)
    return screen


LE_DOCUMENTS = (records_screen, incident_report, booking_sheet, evidence_tag, other_agency_log)


def ordinary_document(rng: np.random.Generator) -> tuple[Layer, str]:
    """A document no one would mistake for police paperwork, some with a look-alike word."""
    kind = str(rng.choice(["recipe", "invoice", "privacy policy", "school letter", "nail salon price list", "agenda",
                           "spreadsheet"]))
    width, height = (1300, 820) if kind == "spreadsheet" else (850, 1100)
    page = _page(width, height)
    titles = {"recipe": "Grandma's Lemon Drizzle Cake", "invoice": f"INVOICE #{int(rng.integers(1000, 9999))}",
              "privacy policy": "PRIVACY POLICY", "school letter": "Be POLITE, be kind: a note from the Deputy Head",
              "nail salon price list": "GEL POLISH & NAIL ART PRICES", "agenda": "Garden Club - Monthly Meeting Agenda",
              "spreadsheet": "Q3 budget.xlsx"}
    header = int(rng.integers(22, 36))
    page.text((48, 50), titles[kind], header if len(titles[kind]) < 30 else int(header * 0.8), fill=INK, le=False)
    if kind == "invoice":
        _field_rows(page, rng, 140, ["Bill to", "Item", "Amount due"],
                    [f"{rng.choice(FIRST)} {rng.choice(LAST)}", "Garden landscaping", f"${int(rng.integers(50, 900))}.00"], 18)
    elif kind == "agenda":
        for row, item in enumerate(("Welcome - chair J. Marshall", "Spring bulb order", "Treasurer's report", "Any other business")):
            page.text((60, 160 + row * 50), f"{row + 1}. {item}", 22, face="sans", fill=INK, le=False)
    elif kind == "spreadsheet":
        for row in range(18):
            for column in range(6):
                page.draw.rectangle((40 + column * 200, 120 + row * 34, 240 + column * 200, 154 + row * 34),
                                    outline=(200, 200, 200, 255))
                value = f"{rng.integers(100, 9999)}" if column else str(rng.choice(["Rent", "Travel", "Food", "Staff"]))
                page.text((48 + column * 200, 128 + row * 34), value, 15, face="sans", fill=INK, le=False)
    _narrative(page, rng, 420 if kind != "spreadsheet" else 760, 16, int(rng.integers(5, 18)) if kind != "spreadsheet" else 1,
               ORDINARY)
    hard = {"privacy policy": "POLICY (look-alike word)", "school letter": "POLITE / DEPUTY head teacher (not police)",
            "nail salon price list": "POLISH (look-alike word)", "agenda": "MARSHALL as a surname"}
    return page, hard.get(kind, f"ordinary document: {kind}")


def on_desk(document: Layer, rng: np.random.Generator, width: int, height: int, surface: Image.Image) -> Layer:
    """A document photographed on a desk: rotated, in perspective, sometimes partly under a mug."""
    scene = Layer.of(surface.resize((width, height)))
    fit = min(width / document.size[0], height / document.size[1]) * float(rng.uniform(0.7, 0.95))
    scene.paste(document, (width / 2 + rng.uniform(-0.05, 0.05) * width, height / 2), scale=fit,
                angle=float(rng.uniform(-15, 15)), warp=0.08, rng=rng)
    return scene
