#!/usr/bin/env python3
"""Deterministic generator for the otai sample ticket set (data/sample-tickets/tickets.jsonl).

Every ticket is composed from independent parts: a subject pattern, a greeting, an optional context
sentence, one or two problem sentences with filled slots, optional details, an urgency sentence that
matches the priority, a closing and a signature. Each queue has its own English and German wording
(written for each language, not translated word by word). The random generator is seeded, so running
this script again reproduces the same file byte for byte:

    python3 data/sample-tickets/generate.py > data/sample-tickets/tickets.jsonl
"""
import json
import random
import sys

SEED = 20261124
PER_QUEUE = 120
GERMAN_SHARE = 0.45
PRIORITIES = [("low", 0.25), ("normal", 0.5), ("high", 0.25)]

from vocabulary import COMMON, QUEUES  # noqa: E402  (the word lists live next to this script)


def fill(rng, template, slots):
    out = template
    for _ in range(4):  # slots may contain slots
        for name, values in slots.items():
            key = "{" + name + "}"
            while key in out:
                out = out.replace(key, rng.choice(values), 1)
    return out


def pick_priority(rng):
    r = rng.random()
    acc = 0.0
    for name, weight in PRIORITIES:
        acc += weight
        if r < acc:
            return name
    return PRIORITIES[-1][0]


def compose(rng, queue, lang, priority):
    words = QUEUES[queue][lang]
    common = COMMON[lang]
    slots = {**common["slots"], **words["slots"]}
    problems = [fill(rng, p, slots) for p in rng.sample(words["problems"], 2 if rng.random() < 0.35 else 1)]
    parts = []
    if rng.random() < 0.85:
        parts.append(rng.choice(common["greetings"]))
    if rng.random() < 0.45:
        parts.append(rng.choice(common["contexts"]))
    parts.extend(problems)
    if rng.random() < 0.5:
        parts.append(rng.choice(words["details"]))
    urgency = common["urgency"][priority]
    if priority != "normal" or rng.random() < 0.4:
        parts.append(rng.choice(urgency))
    if rng.random() < 0.7:
        parts.append(rng.choice(common["closings"]))
    if rng.random() < 0.6:
        parts.append(rng.choice(common["signatures"]))
    body = join(rng, [fill(rng, p, slots) for p in parts])
    subject = fill(rng, rng.choice(words["subjects"]), slots)
    if rng.random() < 0.3:  # many people reuse their first sentence as the subject
        subject = shorten(problems[0])
    if priority == "high" and rng.random() < 0.4:
        subject = rng.choice(common["urgent_prefixes"]) + subject
    return subject, body


def shorten(sentence, limit=60):
    sentence = sentence.rstrip(".?!")
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "..."


def join(rng, sentences):
    sep = "\n\n" if rng.random() < 0.3 else (" " if rng.random() < 0.7 else "\n")
    text = sep.join(s for s in sentences if s)
    if rng.random() < 0.15:
        text = text.lower()
    return text


def main():
    rng = random.Random(SEED)
    tickets = []
    for queue in QUEUES:
        for _ in range(PER_QUEUE):
            lang = "de" if rng.random() < GERMAN_SHARE else "en"
            priority = pick_priority(rng)
            subject, body = compose(rng, queue, lang, priority)
            tickets.append({"subject": subject, "body": body, "queue": queue, "priority": priority,
                            "language": lang})
    rng.shuffle(tickets)
    for number, ticket in enumerate(tickets, start=1):
        record = {"id": "T-%04d" % number, **ticket}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
