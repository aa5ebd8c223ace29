#!/usr/bin/env python3
"""Re-draw a Concord jury: python3 draw.py SEED DOMAIN K NAME... (docs/reference-lottery.md)."""
import hashlib, sys, unicodedata

def draw(seed, domain, k, names):
    names = {unicodedata.normalize("NFC", name) for name in names}  # `e` + U+0301 is `é`
    pool = sorted(names, key=lambda name: name.encode("utf-8"))
    if k > len(pool):
        return None, 0
    counter = 0
    for i in range(len(pool) - 1, 0, -1):
        limit = 2**64 - 2**64 % (i + 1)  # the largest multiple of i + 1 that fits in 64 bits
        while True:
            message = f"{seed}\n{domain}\n{counter}".encode("utf-8")
            value = int.from_bytes(hashlib.sha256(message).digest()[:8], "big")
            counter += 1
            if value < limit:
                break
        j = value % (i + 1)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k], counter  # the members in draw order, and how many hashes were taken

if __name__ == "__main__":
    members, _ = draw(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    if members is None:
        sys.exit("pool too small: fewer distinct names than K")
    print("\n".join(members))
