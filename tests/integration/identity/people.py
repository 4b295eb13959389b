"""A small population of person records with known duplicates, for the matcher's tests.

Each person has a CRM record; some get a second CRM record sharing no identifier (a typo, a nickname,
a move, no birth date), some a shop account with only their names and an email of their own. Twins
and household members share a surname and an address. Deterministic for a seed.
"""

from __future__ import annotations

import random

FIRST = ["oliver", "amelia", "george", "isla", "harry", "ava", "noah", "mia", "jack", "sophia", "leo", "grace",
         "arthur", "lily", "muhammad", "freya", "oscar", "emily", "charlie", "ivy", "henry", "ella", "thomas", "rosie",
         "james", "poppy", "william", "willow", "robert", "elizabeth", "samuel", "daniel", "edward", "lucy"]
LAST = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "robinson",
        "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "thomas", "clarke",
        "jackson", "wood", "harris", "edwards", "turner", "martin", "cooper", "hill", "ward", "hughes", "moore",
        "clark", "king", "harrison", "lewis", "baker", "lee", "allen", "morris", "khan", "scott", "watson"]
NICKNAMES = {"robert": "bob", "william": "bill", "elizabeth": "liz", "thomas": "tom", "james": "jim",
             "samuel": "sam", "daniel": "dan", "edward": "ed"}
STREETS = ["high street", "station road", "church lane", "victoria road", "green lane", "manor road", "park avenue",
           "mill lane", "the crescent", "school lane", "london road", "kings road"]


def typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap":
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind == "drop":
        return name[:i] + name[i + 1:]
    return name[:i] + name[i] + name[i:]


def population(persons: int = 400, seed: int = 7) -> tuple[list[dict], dict[str, int]]:
    """(records, truth): records with the person_records columns; truth record_id -> person."""
    rng = random.Random(seed)
    records, truth = [], {}

    def add(record: dict, person: int) -> None:
        record.setdefault("first_name_canonical", record.get("first_name"))
        names = [record.get("first_name") or "", record.get("last_name") or ""]
        record["full_name"] = " ".join(names)
        records.append(record)
        truth[record["record_id"]] = person

    person = 0
    while person < persons:
        size = rng.choice([1, 1, 2, 2, 3])
        last, street = rng.choice(LAST), f"{rng.randrange(1, 200)} {rng.choice(STREETS)}"
        postcode = f"AB{rng.randrange(10, 99)}{rng.randrange(1, 9)}CD"
        twins = size >= 2 and rng.random() < 0.15
        twin_birth = f"{rng.randrange(1950, 2005)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        for member in range(size):
            first = rng.choice(FIRST)
            birth = twin_birth if twins and member < 2 else (
                f"{rng.randrange(1950, 2005)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
            base = {"record_type": "crm_customer_id", "first_name": first, "last_name": last, "birth_date": birth,
                    "street": street, "postcode": postcode, "city": "york",
                    "email_local": f"{first}.{last}{person}", "phone": f"+4477009{person:05d}"}
            add({**base, "record_id": f"crm_customer_id:C{person}"}, person)
            roll = rng.random()
            if roll < 0.25:  # a second CRM record sharing no identifier
                dup = {**base, "record_id": f"crm_customer_id:D{person}", "email_local": None, "phone": None}
                variant = rng.choice(["typo", "nickname", "moved", "no_birth_date"])
                if variant == "typo":
                    dup["last_name"] = typo(last, rng)
                elif variant == "nickname" and first in NICKNAMES:
                    dup["first_name"], dup["first_name_canonical"] = NICKNAMES[first], first
                elif variant == "moved":
                    dup["street"], dup["postcode"] = "9 new street", f"ZZ{rng.randrange(10, 99)}9XY"
                else:
                    dup["birth_date"] = None
                add(dup, person)
            elif roll < 0.45:  # a shop account: names and an email of its own
                add({"record_id": f"shop_account_id:A{person}", "record_type": "shop_account_id",
                     "first_name": first, "last_name": last, "birth_date": None, "street": None, "postcode": None,
                     "city": None, "email_local": f"{first[0]}{last}{rng.randrange(100)}", "phone": None}, person)
            person += 1
    return records, truth
