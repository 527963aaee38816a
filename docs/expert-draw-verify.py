#!/usr/bin/env python3
"""Recomputes a Yiwang draw from its verification record, independently of the platform: an expert draw
(docs/expert-draw.md) or an intermediary marketplace draw (docs/intermediary.md). Both use the same commit-reveal
scheme; the pool's first line says whose draw it is.

Usage: python3 docs/expert-draw-verify.py draw.json      (exit 0: the record is consistent; 1: it is not)
       python3 docs/expert-draw-verify.py --example       (prints the worked example of docs/expert-draw.md)
Only the Python standard library is used.
"""
import hashlib
import json
import sys

POOL_FORMAT = "yiwang-expert-draw-pool/1"
INTERMEDIARY_POOL_FORMAT = "yiwang-intermediary-draw-pool/1"

# per pool format: the pick's field naming the group, and the field naming who was picked
PICK_FIELDS = {
    POOL_FORMAT: ("specialty", "expert"),
    INTERMEDIARY_POOL_FORMAT: ("serviceType", "intermediary"),
}


def canonical_pool(specialties, pool_format=POOL_FORMAT):
    """specialties: list of (code, seats, [ids]); returns the canonical text."""
    lines = [pool_format]
    for code, seats, ids in sorted(specialties, key=lambda s: s[0]):
        ids = sorted(ids)
        lines.append(f"{code} {seats} {len(ids)}")
        lines.extend(ids)
    return "\n".join(lines) + "\n"


def parse_pool(text):
    lines = text.split("\n")
    if lines[0] not in PICK_FIELDS or lines[-1] != "":
        raise ValueError("not a canonical pool")
    specialties, i = [], 1
    while i < len(lines) - 1:
        code, seats, count = lines[i].split(" ")
        ids = lines[i + 1:i + 1 + int(count)]
        i += 1 + int(count)
        specialties.append((code, int(seats), ids))
    if canonical_pool(specialties, lines[0]) != text:
        raise ValueError("pool text is not canonical")
    return specialties


class Sequence:
    def __init__(self, seed, specialties):
        self.seed = seed
        self.eligible = {code: sorted(ids) for code, _, ids in specialties}
        self.counter = {code: 0 for code, _, _ in specialties}
        self.picked = set()

    def block(self, code, counter):
        digest = hashlib.sha256(self.seed + code.encode("ascii") + b"\x00" + counter.to_bytes(8, "big")).digest()
        return int.from_bytes(digest[:8], "big")

    def next(self, code):
        remaining = [i for i in self.eligible[code] if i not in self.picked]
        m = len(remaining)
        if m == 0:
            return None
        limit = (2 ** 64) - (2 ** 64) % m
        while True:
            u = self.block(code, self.counter[code])
            self.counter[code] += 1
            if u < limit:
                chosen = remaining[u % m]
                self.picked.add(chosen)
                return chosen


def verify(record):
    problems = []
    seed = bytes.fromhex(record["seed"])
    if hashlib.sha256(seed).hexdigest() != record["seedSha256"]:
        problems.append("the seed does not match its commitment")
    if hashlib.sha256(record["pool"].encode("utf-8")).hexdigest() != record["poolSha256"]:
        problems.append("the pool does not match its commitment")
    specialties = parse_pool(record["pool"])
    group_field, id_field = PICK_FIELDS[record["pool"].split("\n")[0]]
    sequence = Sequence(seed, specialties)
    for pick in record["picks"]:
        expected = sequence.next(pick[group_field])
        if expected != pick[id_field]:
            problems.append(f"pick {pick['n']}: recomputed {expected}, recorded {pick[id_field]}")
    seats = {code: n for code, n, _ in specialties}
    for code, n in seats.items():
        kept = [p for p in record["picks"]
                if p[group_field] == code and p.get("outcome") not in ("DECLINED", "NO_SHOW")]
        if len(kept) > n:
            problems.append(f"{code}: {len(kept)} seats kept, {n} asked")
    return problems


def example():
    seed = bytes(range(32))
    ids = [f"00000000-0000-0000-0000-{i:012x}" for i in range(1, 9)]
    specialties = [("A0101", 2, ids[0:6]), ("A0105", 1, ids[4:8])]
    text = canonical_pool(specialties)
    sequence = Sequence(seed, specialties)
    picks = [sequence.next("A0101"), sequence.next("A0101"), sequence.next("A0105")]
    redraw = sequence.next("A0101")
    print("seedSha256", hashlib.sha256(seed).hexdigest())
    print("poolSha256", hashlib.sha256(text.encode()).hexdigest())
    print("picks", picks)
    print("redraw", redraw)


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--example":
        example()
        sys.exit(0)
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        found = verify(json.load(f))
    for p in found:
        print("NOT OK:", p)
    if not found:
        print("OK: seed and pool match their commitments; every pick recomputes")
    sys.exit(1 if found else 0)
