"""Reference data: stores, names, streets, the product catalogue, web pages and free texts."""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa

SITE = "https://shop.example.co.uk"
CURRENCY = "GBP"

# store_id, city, country, timezone, relative size. The first three cover the three timezones.
STORES = (
    ("S01", "London", "GB", "Europe/London", 3.0),
    ("S02", "Dublin", "IE", "Europe/Dublin", 1.6),
    ("S03", "Amsterdam", "NL", "Europe/Amsterdam", 1.6),
    ("S04", "Manchester", "GB", "Europe/London", 1.5),
    ("S05", "Birmingham", "GB", "Europe/London", 1.4),
    ("S06", "Rotterdam", "NL", "Europe/Amsterdam", 1.0),
    ("S07", "Leeds", "GB", "Europe/London", 1.0),
    ("S08", "Glasgow", "GB", "Europe/London", 1.1),
    ("S09", "Cork", "IE", "Europe/Dublin", 0.8),
    ("S10", "Bristol", "GB", "Europe/London", 0.9),
    ("S11", "Utrecht", "NL", "Europe/Amsterdam", 0.8),
    ("S12", "Liverpool", "GB", "Europe/London", 0.9),
    ("S13", "Edinburgh", "GB", "Europe/London", 0.9),
    ("S14", "Galway", "IE", "Europe/Dublin", 0.5),
    ("S15", "Newcastle", "GB", "Europe/London", 0.7),
    ("S16", "The Hague", "NL", "Europe/Amsterdam", 0.7),
    ("S17", "Sheffield", "GB", "Europe/London", 0.7),
    ("S18", "Belfast", "GB", "Europe/London", 0.7),
    ("S19", "Nottingham", "GB", "Europe/London", 0.6),
    ("S20", "Limerick", "IE", "Europe/Dublin", 0.5),
)

# country -> (calling code, mobile prefix, landline prefix); seven more digits follow each prefix
PHONE_PLAN = {
    "GB": ("44", "740", "207"),  # +44 7400 123456, +44 20 7123 4567
    "IE": ("353", "87", "1"),  # +353 87 123 4567, +353 1 123 4567
    "NL": ("31", "61", "20"),  # +31 6 1123 4567, +31 20 123 4567
}
# How national significant numbers are grouped when written with spaces: (mobile groups, landline groups)
PHONE_GROUPS = {
    "GB": ((4, 6), (2, 4, 4)),
    "IE": ((2, 3, 4), (1, 3, 4)),
    "NL": ((1, 4, 4), (2, 3, 4)),
}


def store_count(persons: int) -> int:
    """About 20 stores for a million persons, at least 3 (one per timezone)."""
    return int(min(len(STORES), max(3, round(math.sqrt(max(persons, 1)) / 50))))


_FIRST_NAMES = (
    "Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William James Leo Alfie Henry "
    "Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Daniel Arthur Lucas Mohammed "
    "Logan Theo Harrison Benjamin Mason Sebastian Finley Adam Dylan Zachary Riley Sean Conor Cian "
    "Darragh Oisin Liam Padraig Ciaran Niamh Aoife Siobhan Saoirse Ciara Roisin Grainne Aisling Olivia "
    "Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Sophie Ivy Freya Harper "
    "Willow Charlotte Jessica Chloe Ruby Daisy Alice Phoebe Florence Matilda Sienna Emma Julia Anna "
    "Daan Sem Lars Bram Ruben Thijs Jesse Milan Sven Niels Femke Sanne Lotte Fleur Eva Anouk Lieke Iris "
    "Priya Aisha Fatima Zara Amir Omar Hannah Rebecca Laura Sarah Rachel Claire Helen Karen Susan Paul "
    "Mark David Michael Peter Stephen Andrew Richard Robert John Margaret Patricia Elizabeth Jane"
)
_LAST_NAMES = (  # multi-word names are written with "_"
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson "
    "Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin "
    "Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips "
    "Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey "
    "Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh "
    "Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews "
    "Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Dixon "
    "Fletcher Byrne Ryan O'Brien O'Sullivan Walsh O'Connor McCarthy Doyle Gallagher Kennedy Lynch "
    "Murray Quinn Moloney O'Neill Fitzgerald MacDonald Stewart Reid Robertson Ross Fraser Hamilton "
    "Graham Ferguson de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
    "Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra"
)
FIRST_NAMES = tuple(_FIRST_NAMES.split())
LAST_NAMES = tuple(n.replace("_", " ") for n in _LAST_NAMES.split())
# What people write instead of their first name (at a till, on a second sign-up): first names above
# that have a common short form; the others (Noah, Niamh, Daan, ...) are written as they are.
NICKNAMES = {
    "Oliver": ("Ollie", "Olly"),
    "Harry": ("Haz",),
    "Jacob": ("Jake",),
    "Charlie": ("Chaz",),
    "Muhammad": ("Mo",),
    "Thomas": ("Tom", "Tommy"),
    "Oscar": ("Ozzy",),
    "William": ("Will", "Bill", "Billy"),
    "James": ("Jim", "Jamie", "Jimmy"),
    "Alfie": ("Alf",),
    "Henry": ("Hal",),
    "Joshua": ("Josh",),
    "Freddie": ("Fred",),
    "Archie": ("Arch",),
    "Isaac": ("Zac",),
    "Alexander": ("Alex", "Xander", "Sandy"),
    "Joseph": ("Joe", "Joey"),
    "Edward": ("Ed", "Eddie", "Ted"),
    "Samuel": ("Sam", "Sammy"),
    "Daniel": ("Dan", "Danny"),
    "Arthur": ("Art", "Artie"),
    "Lucas": ("Luke",),
    "Mohammed": ("Mo",),
    "Theo": ("Teddy",),
    "Harrison": ("Harry",),
    "Benjamin": ("Ben", "Benny"),
    "Sebastian": ("Seb", "Bash"),
    "Finley": ("Finn",),
    "Zachary": ("Zach", "Zack"),
    "Padraig": ("Paddy",),
    "Roisin": ("Rosie",),
    "Olivia": ("Liv", "Livvy"),
    "Amelia": ("Millie", "Amy"),
    "Emily": ("Em", "Emmy"),
    "Sophia": ("Sophie",),
    "Grace": ("Gracie",),
    "Isabella": ("Bella", "Izzy"),
    "Sophie": ("Soph",),
    "Charlotte": ("Lottie", "Charlie"),
    "Jessica": ("Jess", "Jessie"),
    "Alice": ("Ally",),
    "Florence": ("Flo", "Florrie"),
    "Matilda": ("Tilly", "Tilda"),
    "Emma": ("Em",),
    "Julia": ("Jules",),
    "Anna": ("Annie",),
    "Ruben": ("Ruub",),
    "Eva": ("Evie",),
    "Hannah": ("Han",),
    "Rebecca": ("Becky", "Becca"),
    "Sarah": ("Sally",),
    "Rachel": ("Rach",),
    "Helen": ("Nell",),
    "Susan": ("Sue", "Susie"),
    "David": ("Dave", "Davy"),
    "Michael": ("Mike", "Mick", "Mikey"),
    "Peter": ("Pete",),
    "Stephen": ("Steve",),
    "Andrew": ("Andy", "Drew"),
    "Richard": ("Rich", "Rick", "Dick"),
    "Robert": ("Bob", "Rob", "Bobby"),
    "John": ("Johnny", "Jack"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Patricia": ("Pat", "Trish"),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "Jane": ("Janey",),
}
# Made-up employers and old providers (RFC 2606 names): a second email address nobody else uses
OLD_EMAIL_DOMAINS = (
    "oldco.example",
    "northwind.example",
    "contoso.example",
    "fabrikam.example",
    "globex.example",
    "initech.example",
    "acme.example",
    "tailspin.example",
    "adatum.example",
    "litware.example",
    "oldmail.example",
    "uni-alumni.example",
)
STREETS = (
    "High Street",
    "Station Road",
    "Church Lane",
    "Main Street",
    "Park Road",
    "Victoria Road",
    "Green Lane",
    "Manor Road",
    "Kings Road",
    "Queens Road",
    "Mill Lane",
    "New Road",
    "School Lane",
    "Grange Road",
    "Orchard Way",
    "Willow Close",
    "Elm Grove",
    "Oak Avenue",
    "Meadow View",
    "The Crescent",
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Stationsstraat",
    "Main Road",
    "Abbey Road",
    "Castle Street",
)
EMAIL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "hotmail.co.uk",
    "yahoo.co.uk",
    "icloud.com",
    "btinternet.com",
    "live.ie",
    "eircom.net",
    "ziggo.nl",
    "kpnmail.nl",
    "protonmail.com",
    "sky.com",
)
EMAIL_DOMAIN_WEIGHTS = (0.30, 0.14, 0.10, 0.08, 0.10, 0.05, 0.04, 0.03, 0.04, 0.03, 0.04, 0.05)

CATEGORIES = (
    "home-decor",
    "kitchen",
    "garden",
    "christmas",
    "bags",
    "stationery",
    "lighting",
    "party",
    "gifts",
    "toys",
    "candles",
    "storage",
    "vintage",
    "baking",
    "textiles",
)
SEARCH_TERMS = (
    "lantern",
    "mug",
    "heart",
    "tea+light",
    "cake+stand",
    "bunting",
    "jumbo+bag",
    "doorstop",
    "alarm+clock",
    "paper+chain",
    "hot+water+bottle",
    "lunch+box",
    "retrospot",
    "candle",
)

NPS_COMMENTS = {
    "detractor": (
        "Return took weeks to be refunded",
        "Nobody answered my emails for days",
        "Order arrived damaged",
        "Too many marketing emails",
        "Checkout kept failing",
        "Items were out of stock after I ordered",
    ),
    "passive": (
        "Fine, nothing special",
        "Delivery was a bit slow",
        "Good prices but the app is clunky",
        "OK overall",
    ),
    "promoter": (
        "Love the shop, always find gifts here",
        "Fast delivery and friendly staff",
        "Great value",
        "The loyalty points are a nice touch",
        "Brilliant customer service",
    ),
}
REVIEW_TEXTS = {
    1: ("Broke after one use", "Nothing like the picture", "Sent it back"),
    2: ("Smaller than expected", "Poor quality for the price"),
    3: ("Does the job", "Average", "OK but the colour is off"),
    4: ("Nice, would buy again", "Good quality", "Pretty and well made"),
    5: ("Absolutely love it", "Perfect gift", "Excellent, exactly as described", "Five stars"),
}


class Catalogue:
    """An Online Retail-like catalogue: stock codes such as 85123A, prices in GBP, Zipf popularity."""

    def __init__(self, rng: np.random.Generator, n_skus: int = 900):
        numbers = rng.choice(np.arange(10_000, 90_000), size=n_skus, replace=False)
        letters = np.array(["", "", "", "", "A", "B", "C", "D"])[rng.integers(0, 8, n_skus)]
        self.sku = pa.array([f"{n}{s}" for n, s in zip(numbers, letters)])
        raw = np.exp(rng.normal(1.0, 0.75, n_skus))
        price = np.round(
            np.maximum(
                0.29,
                np.floor(raw)
                + np.array([0.25, 0.45, 0.65, 0.85, 0.95])[rng.integers(0, 5, n_skus)]
                - (raw < 1) * 0.6,
            ),
            2,
        )
        self.price = np.minimum(price, 49.95)
        weights = 1.0 / np.arange(1, n_skus + 1) ** 0.8
        self.popularity = weights / weights.sum()
        self.n = n_skus

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return rng.choice(self.n, size=n, p=self.popularity)


PRODUCT_WORDS = (  # adjective x noun: a catalogue of gift-shop product names
    ("Rustic", "Vintage", "Scandi", "Botanical", "Retro", "Painted", "Glass", "Woven", "Enamel", "Festive",
     "Mini", "Large", "Heart", "Star", "Floral", "Gingham"),
    ("Lantern", "Mug", "Tea Towel", "Candle Holder", "Bunting", "Jar", "Cushion", "Tin", "Notebook",
     "Bauble", "Planter", "Tote Bag", "Clock", "Cake Stand", "Photo Frame", "Doorstop", "Garland", "Bowl"),
)


def product_names(n: int) -> tuple[list[str], list[str]]:
    """Deterministic product names and categories for the first n catalogue entries."""
    adjectives, nouns = PRODUCT_WORDS
    names = [f"{adjectives[i % len(adjectives)]} {nouns[(i // len(adjectives)) % len(nouns)]}"
             + (f" {i // (len(adjectives) * len(nouns)) + 1}" if i >= len(adjectives) * len(nouns) else "")
             for i in range(n)]
    categories = [CATEGORIES[(i * 7) % len(CATEGORIES)] for i in range(n)]
    return names, categories


ONLINE_QTY = (
    np.array([1, 2, 3, 4, 6, 8, 10, 12, 24, 48]),
    np.array([0.33, 0.14, 0.07, 0.08, 0.12, 0.04, 0.03, 0.13, 0.05, 0.01]),
)
STORE_QTY = (np.array([1, 2, 3, 4, 6]), np.array([0.62, 0.22, 0.08, 0.05, 0.03]))


class Pages:
    """The web shop's page URLs as one vocabulary: home, categories, searches, products, cart, checkout."""

    def __init__(self, catalogue: Catalogue):
        urls = [f"{SITE}/", f"{SITE}/cart", f"{SITE}/checkout", f"{SITE}/account/login", f"{SITE}/account"]
        self.home, self.cart, self.checkout, self.login, self.account = range(5)
        self.category0 = len(urls)
        urls += [f"{SITE}/c/{c}" for c in CATEGORIES]
        self.search0 = len(urls)
        urls += [f"{SITE}/search?q={t}" for t in SEARCH_TERMS]
        self.product0 = len(urls)
        urls += [f"{SITE}/p/{s}" for s in catalogue.sku.to_pylist()]
        self.urls = pa.array(urls)
        self.n_categories, self.n_searches = len(CATEGORIES), len(SEARCH_TERMS)
