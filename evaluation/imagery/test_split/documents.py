"""Paper forms and app screens: police paperwork and records screens, and everyday look-alikes.

Law-enforcement words appear only in large headings (cap height given in HEADING_CAP of the page
height); body text is made of neutral words, so nothing police-like hides in the small print.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from . import emblems
from .draw import fitted_text, font, paste_center
from .element import Element
from .sources import face_crop

PAPER = (248, 246, 240)
INK = (30, 32, 38)
NEUTRAL_WORDS = ("the", "and", "after", "before", "north", "side", "of", "street", "around", "vehicle", "reported", "noted",
                 "window", "door", "left", "right", "owner", "stated", "that", "was", "at", "near", "blue", "grey", "bag",
                 "with", "two", "items", "time", "arrived", "returned", "parked", "residence", "store", "corner", "later",
                 "phone", "keys", "wallet", "neighbour", "called", "about", "again", "morning", "evening", "garage")
SURNAMES = ("Okafor", "Lindqvist", "Ferreira", "Nakamura", "Doyle", "Abernathy", "Kowalski", "Mensah", "Haddad", "Rourke", "Vega", "Brandt")


def _sentence(rng: np.random.Generator, words: int) -> str:
    picked = [NEUTRAL_WORDS[int(i)] for i in rng.integers(len(NEUTRAL_WORDS), size=words)]
    return " ".join(picked).capitalize() + "."


def _lines(d: ImageDraw.ImageDraw, rng: np.random.Generator, x: float, y: float, width: float, size: int, count: int, color=INK) -> float:
    face = font("sans", size)
    for _ in range(count):
        text = _sentence(rng, int(rng.integers(6, 12)))
        while face.getlength(text) > width and len(text) > 10:
            text = text[: int(len(text) * 0.85)]
        d.text((x, y), text, font=face, fill=color)
        y += size * 1.5
    return y


def _field_grid(d: ImageDraw.ImageDraw, rng: np.random.Generator, x: float, y: float, width: float, labels: list[str], size: int,
                columns: int = 2) -> float:
    cell_w = width / columns
    cell_h = size * 3.2
    small = font("sans", int(size * 0.75))
    value = font("mono", size)
    for k, label in enumerate(labels):
        cx = x + (k % columns) * cell_w
        cy = y + (k // columns) * cell_h
        d.rectangle([cx, cy, cx + cell_w, cy + cell_h], outline=(90, 90, 95), width=1)
        d.text((cx + 6, cy + 4), label, font=small, fill=(80, 80, 90))
        d.text((cx + 10, cy + size * 1.35), _value_for(label, rng), font=value, fill=(20, 30, 90))
    return y + ((len(labels) + columns - 1) // columns) * cell_h


def _value_for(label: str, rng: np.random.Generator) -> str:
    lowered = label.lower()
    if "date" in lowered or "dob" in lowered:
        return f"{int(rng.integers(1, 13)):02d}/{int(rng.integers(1, 29)):02d}/{int(rng.integers(1960, 2025))}"
    if "no" in lowered or "#" in lowered or "number" in lowered:
        return f"{int(rng.integers(18, 26))}-{int(rng.integers(1000, 99999)):05d}"
    if "name" in lowered or "by" in lowered or "to" in lowered or "officer" in lowered:
        return f"{'ABCDEJKLMRST'[int(rng.integers(12))]}. {SURNAMES[int(rng.integers(len(SURNAMES)))]}"
    if "time" in lowered:
        return f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"
    if "amount" in lowered or "total" in lowered or "$" in lowered:
        return f"${rng.uniform(5, 900):.2f}"
    return " ".join(NEUTRAL_WORDS[int(i)] for i in rng.integers(len(NEUTRAL_WORDS), size=2))


def _heading(page: Image.Image, element: Element, text: str, size: int, cx: float, cy: float, color, le: bool, max_width: int) -> None:
    paste_center(page, fitted_text(text, "sans-bold", size, color, max_width), cx, cy)
    if le:
        element.le_words.append((text, size * 0.72))


PAGE = (900, 1165)
SCREEN = (1280, 800)


def police_document(kind: str, rng: np.random.Generator, with_logo: bool) -> Element:
    """A law-enforcement document at page scale: incident_report, booking_sheet, evidence_tag, records_screen, dispatch_screen."""
    if kind in ("records_screen", "dispatch_screen"):
        return _police_screen(kind, rng, with_logo)
    page = Image.new("RGBA", PAGE, PAPER + (255,))
    w, h = PAGE
    d = ImageDraw.Draw(page)
    element = Element(image=page, document=True)
    heading = int(0.03 * h / 0.72)
    logo_x = 0.1 * w
    if kind == "evidence_tag":
        return _evidence_tag(rng, with_logo)
    element.spare_areas = [(0.72, 0.9, 1.0, 1.0)]
    if with_logo:
        logo = emblems.cvso_logo(int(0.14 * h))
        paste_center(page, logo, logo_x, 0.08 * h)
        element.insignia.append(("cvso-logo", float(logo.height)))
        element.le_words.append(("CVSO", logo.height * emblems.LOGO_CAP))
    _heading(page, element, "CALDER VALLEY SHERIFF'S OFFICE", heading, w * 0.55, 0.055 * h, INK, True, int(0.7 * w))
    title = {"incident_report": "INCIDENT REPORT", "booking_sheet": "BOOKING SHEET"}[kind]
    _heading(page, element, title, int(heading * 0.8), w * 0.55, 0.11 * h, (150, 20, 20), False, int(0.6 * w))
    d.line([(0.05 * w, 0.155 * h), (0.95 * w, 0.155 * h)], fill=INK, width=3)
    size = 17
    if kind == "incident_report":
        y = _field_grid(d, rng, 0.05 * w, 0.18 * h, 0.9 * w, ["Case No.", "Date reported", "Time", "Location", "Reporting party name",
                                                               "Assigned to", "Offense code", "Status"], size)
        d.text((0.05 * w, y + 20), "NARRATIVE", font=font("sans-bold", size), fill=INK)
        y = _lines(d, rng, 0.05 * w, y + 55, 0.9 * w, size, int(rng.integers(12, 22)))
        d.line([(0.55 * w, 0.93 * h), (0.93 * w, 0.93 * h)], fill=INK, width=1)
        d.text((0.55 * w, 0.935 * h), "Signature", font=font("sans", 14), fill=(90, 90, 90))
        element.notes.append("incident report")
    else:
        box = (int(0.06 * w), int(0.19 * h), int(0.32 * w), int(0.45 * h))
        d.rectangle(box, outline=INK, width=2)
        face_w = box[2] - box[0] - 20
        source = f"lfw:{int(rng.integers(50, 100))}"
        face = face_crop(source).convert("RGB").resize((face_w, int(face_w * 1.2)), Image.BICUBIC)
        page.paste(face, (box[0] + 10, box[1] + 10))
        element.face_widths.append(float(face_w) * 0.85)
        d.rectangle([box[0] + 10, box[3] - 40, box[2] - 10, box[3] - 8], fill=(20, 20, 20))
        d.text((box[0] + 16, box[3] - 36), f"{int(rng.integers(10000, 99999))}", font=font("mono-bold", 22), fill=(240, 240, 240))
        _field_grid(d, rng, 0.36 * w, 0.19 * h, 0.58 * w, ["Name", "DOB", "Height", "Weight", "Eyes", "Hair", "Booking No.", "Date"], size)
        _field_grid(d, rng, 0.06 * w, 0.5 * h, 0.88 * w, ["Charge 1", "Charge 2", "Bail amount", "Arresting officer", "Property bag #", "Cell"],
                    size, columns=3)
        for k in range(10):
            x = 0.06 * w + (k % 5) * 0.176 * w
            y = 0.72 * h + (k // 5) * 0.11 * h
            d.rectangle([x, y, x + 0.16 * w, y + 0.1 * h], outline=INK, width=1)
            for ridge in range(6):
                d.arc([x + 20 + ridge * 4, y + 12 + ridge * 4, x + 0.16 * w - 20 - ridge * 4, y + 0.1 * h - 10 - ridge * 3], 180, 360,
                      fill=(120, 120, 125), width=1)
        element.notes.append("booking sheet with a mugshot")
    return element


def _evidence_tag(rng: np.random.Generator, with_agency: bool) -> Element:
    w, h = 600, 1000
    tag = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(tag)
    manila = (226, 200, 140)
    d.polygon([(0.18 * w, 0), (0.82 * w, 0), (w, 0.12 * h), (w, h), (0, h), (0, 0.12 * h)], fill=manila)
    d.ellipse([0.44 * w, 0.04 * h, 0.56 * w, 0.1 * h], fill=(0, 0, 0, 0), outline=(160, 130, 70), width=6)
    element = Element(image=tag, document=True)
    _heading(tag, element, "EVIDENCE", int(0.065 * h / 0.72), w / 2, 0.17 * h, (190, 20, 20), False, int(0.85 * w))
    if with_agency:
        _heading(tag, element, "SHERIFF'S OFFICE", int(0.032 * h / 0.72), w / 2, 0.25 * h, INK, True, int(0.85 * w))
    _field_grid(d, rng, 0.06 * w, 0.3 * h, 0.88 * w, ["Item #", "Case No.", "Collected by", "Date", "Time", "Location"], 18)
    d.text((0.06 * w, 0.62 * h), "CHAIN OF CUSTODY", font=font("sans-bold", 20), fill=INK)
    for k in range(6):
        y = 0.66 * h + k * 0.05 * h
        d.line([(0.06 * w, y), (0.94 * w, y)], fill=(120, 100, 60), width=1)
        if k < int(rng.integers(1, 5)):
            d.text((0.08 * w, y + 8), _value_for("by", rng) + "   " + _value_for("date", rng), font=font("mono", 18), fill=(20, 30, 90))
    element.notes.append("evidence tag" + (" with the agency heading" if with_agency else " without agency words"))
    return element


def _window(rng: np.random.Generator, title: str, accent) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    screen = Image.new("RGBA", SCREEN, (236, 238, 242, 255))
    d = ImageDraw.Draw(screen)
    d.rectangle([0, 0, SCREEN[0], 34], fill=(50, 54, 62))
    d.text((14, 8), title, font=font("sans", 16), fill=(230, 230, 230))
    for k, color in enumerate([(240, 90, 80), (240, 190, 60), (90, 200, 90)]):
        d.ellipse([SCREEN[0] - 90 + k * 26, 10, SCREEN[0] - 76 + k * 26, 24], fill=color)
    d.rectangle([0, 34, 220, SCREEN[1]], fill=accent)
    return screen, d


def _table(d: ImageDraw.ImageDraw, rng: np.random.Generator, x: float, y: float, columns: list[str], rows: int, width: float) -> None:
    col_w = width / len(columns)
    d.rectangle([x, y, x + width, y + 32], fill=(210, 214, 222))
    for k, column in enumerate(columns):
        d.text((x + k * col_w + 8, y + 7), column, font=font("sans-bold", 15), fill=INK)
    for r in range(rows):
        ry = y + 32 + r * 30
        if r % 2:
            d.rectangle([x, ry, x + width, ry + 30], fill=(246, 247, 250))
        for k, column in enumerate(columns):
            d.text((x + k * col_w + 8, ry + 6), _value_for(column, rng)[:18], font=font("sans", 14), fill=(40, 40, 50))


def _police_screen(kind: str, rng: np.random.Generator, with_logo: bool) -> Element:
    accent = (24, 52, 40) if kind == "records_screen" else (20, 30, 60)
    screen, d = _window(rng, "RMS client 7.2" if kind == "records_screen" else "CAD console", accent)
    element = Element(image=screen, document=True)
    heading = int(24 / 0.72)
    if kind == "records_screen":
        _heading(screen, element, "CVSO RECORDS", heading, 740, 70, INK, True, 700)
        nav = ["Cases", "Persons", "Vehicles", "Property", "Warrants", "Reports"]
        columns = ["Case No.", "Date", "Type", "Assigned to", "Status"]
        element.notes.append("records-system screen")
    else:
        _heading(screen, element, "DISPATCH", heading, 740, 70, INK, True, 700)
        nav = ["Calls", "Units", "Map", "BOLO", "Messages"]
        columns = ["Number", "Time", "Address", "Unit", "Priority"]
        element.notes.append("dispatch console screen")
    for k, item in enumerate(nav):
        d.text((24, 70 + k * 44), item, font=font("sans", 18), fill=(230, 235, 235))
    if with_logo:
        logo = emblems.cvso_logo(150)
        paste_center(screen, logo, 110, SCREEN[1] - 100)
        element.insignia.append(("cvso-logo", 150.0))
        element.le_words.append(("CVSO", 150 * emblems.LOGO_CAP))
    d.rounded_rectangle([250, 110, 900, 146], radius=8, fill=(255, 255, 255), outline=(180, 180, 190))
    d.text((264, 118), "Search", font=font("sans", 16), fill=(150, 150, 160))
    _table(d, rng, 250, 170, columns, int(rng.integers(10, 18)), 1000)
    return element


def ordinary_document(kind: str, rng: np.random.Generator) -> Element:
    """An everyday paper or screen: recipe, invoice, receipt, insurance_policy, privacy_policy, calendar, chat,
    spreadsheet, school_form, parking_citation, utility_bill."""
    screen_kinds = {"calendar", "chat", "spreadsheet", "privacy_policy"}
    if kind in screen_kinds:
        return _ordinary_screen(kind, rng)
    size = (700, 1100) if kind == "receipt" else PAGE
    page = Image.new("RGBA", size, PAPER + (255,))
    w, h = size
    d = ImageDraw.Draw(page)
    element = Element(image=page, spare_areas=[(0.72, 0.9, 1.0, 1.0)])
    heading = int(0.03 * h / 0.72)
    titles = {"recipe": "LEMON POLENTA CAKE", "invoice": "INVOICE", "receipt": "GREENLEAF MARKET", "insurance_policy": "HOME INSURANCE POLICY",
              "school_form": "FIELD TRIP PERMISSION SLIP", "parking_citation": "PARKING CITATION", "utility_bill": "WATER & SEWER BILL"}
    look_alike = {"insurance_policy": "le_text: the word POLICY", "parking_citation": "le_text: parking enforcement paperwork"}
    _heading(page, element, titles[kind], heading, w / 2, 0.06 * h, INK, False, int(0.85 * w))
    d.line([(0.05 * w, 0.1 * h), (0.95 * w, 0.1 * h)], fill=INK, width=2)
    fields = {"invoice": ["Invoice No.", "Date", "Bill to name", "Amount due"], "insurance_policy": ["Policy number", "Start date", "Insured name", "Premium amount"],
              "school_form": ["Student name", "Date", "Teacher name", "Cost $"], "parking_citation": ["Citation No.", "Date", "Time", "Plate number", "Fine amount", "Zone"],
              "utility_bill": ["Account number", "Bill date", "Customer name", "Total due"]}
    y = 0.13 * h
    if kind in fields:
        y = _field_grid(d, rng, 0.05 * w, y, 0.9 * w, fields[kind], 17)
    if kind == "recipe":
        d.text((0.06 * w, y), "Ingredients", font=font("sans-bold", 22), fill=INK)
        for k, item in enumerate(["200 g fine polenta", "150 g butter", "3 eggs", "2 lemons, zest and juice", "180 g sugar", "1 tsp baking powder"]):
            d.text((0.08 * w, y + 40 + k * 30), "• " + item, font=font("serif", 19), fill=INK)
        d.text((0.06 * w, y + 240), "Method", font=font("sans-bold", 22), fill=INK)
        _lines(d, rng, 0.06 * w, y + 280, 0.88 * w, 18, 14)
    elif kind == "receipt":
        face = font("mono", 20)
        total = 0.0
        for k in range(int(rng.integers(8, 18))):
            price = float(rng.uniform(0.5, 15))
            total += price
            d.text((0.08 * w, y + k * 30), f"{NEUTRAL_WORDS[int(rng.integers(len(NEUTRAL_WORDS)))].upper():<18}{price:>8.2f}", font=face, fill=INK)
        d.text((0.08 * w, y + 20 * 30), f"{'TOTAL':<18}{total:>8.2f}", font=font("mono-bold", 22), fill=INK)
    elif kind == "invoice":
        columns = ["Item", "Qty", "Amount"]
        for k, column in enumerate(columns):
            d.text((0.06 * w + k * 0.3 * w, y + 20), column, font=font("sans-bold", 18), fill=INK)
        for r in range(int(rng.integers(4, 10))):
            d.text((0.06 * w, y + 55 + r * 30), _value_for("item", rng), font=font("sans", 17), fill=INK)
            d.text((0.36 * w, y + 55 + r * 30), str(int(rng.integers(1, 9))), font=font("sans", 17), fill=INK)
            d.text((0.66 * w, y + 55 + r * 30), _value_for("amount", rng), font=font("sans", 17), fill=INK)
    else:
        _lines(d, rng, 0.06 * w, y + 30, 0.88 * w, 17, int(rng.integers(12, 24)))
        if kind == "parking_citation":
            d.rectangle([0.06 * w, 0.85 * h, 0.5 * w, 0.9 * h], outline=INK, width=2)
            d.text((0.07 * w, 0.86 * h), "City Parking Services", font=font("sans", 16), fill=INK)
    element.hard_negative.append(f"document: {kind.replace('_', ' ')}")
    if kind in look_alike:
        element.hard_negative.append(look_alike[kind])
    element.notes.append(kind.replace("_", " "))
    return element


def _ordinary_screen(kind: str, rng: np.random.Generator) -> Element:
    screen, d = _window(rng, {"calendar": "Calendar", "chat": "Messages", "spreadsheet": "Household budget.xlsx",
                              "privacy_policy": "Browser"}[kind], (60, 70, 90))
    element = Element(image=screen)
    heading = int(24 / 0.72)
    if kind == "calendar":
        _heading(screen, element, "MARCH", heading, 740, 70, INK, False, 600)
        for r in range(5):
            for c in range(7):
                x, y = 240 + c * 148, 110 + r * 135
                d.rectangle([x, y, x + 146, y + 133], outline=(200, 200, 210), fill=(255, 255, 255))
                d.text((x + 6, y + 4), str(r * 7 + c + 1), font=font("sans", 16), fill=INK)
                if rng.random() < 0.25:
                    d.rounded_rectangle([x + 6, y + 40, x + 140, y + 66], radius=5, fill=(120, 170, 230))
                    d.text((x + 10, y + 44), _value_for("event", rng)[:14], font=font("sans", 13), fill=(255, 255, 255))
    elif kind == "chat":
        y = 60
        for k in range(int(rng.integers(6, 11))):
            mine = bool(rng.random() < 0.5)
            text = _sentence(rng, int(rng.integers(3, 8)))
            width = min(620, 14 + int(font("sans", 18).getlength(text)) + 14)
            x = 1260 - width if mine else 240
            d.rounded_rectangle([x, y, x + width, y + 44], radius=18, fill=(80, 150, 250) if mine else (255, 255, 255))
            d.text((x + 14, y + 11), text, font=font("sans", 18), fill=(255, 255, 255) if mine else INK)
            y += 62
    elif kind == "spreadsheet":
        _table(d, rng, 240, 60, ["Category", "Month", "Amount", "Total"], 20, 1020)
    else:
        _heading(screen, element, "PRIVACY POLICY", heading, 740, 80, INK, False, 700)
        _lines(d, rng, 250, 130, 980, 17, 24)
        element.hard_negative.append("le_text: the word POLICY")
    element.hard_negative.append(f"document: {kind.replace('_', ' ')} screen")
    element.notes.append(f"{kind.replace('_', ' ')} screen")
    return element


POLICE_KINDS = ("incident_report", "booking_sheet", "evidence_tag", "records_screen", "dispatch_screen")
ORDINARY_KINDS = ("recipe", "invoice", "receipt", "insurance_policy", "privacy_policy", "calendar", "chat", "spreadsheet",
                  "school_form", "parking_citation", "utility_bill")
