#!/usr/bin/env python3
"""Deterministic generator for otai's harder evaluation sets (data/eval-sets/<set>/{train,test}.jsonl).

Six queues of one internal desk (vocabulary.py) share their nouns: every queue talks about laptops, Outlook and
accounts, and only what happens to them tells the queue apart. Each set stresses one thing:

  confusable-en  English, asides that name another queue's topic, unequal queue sizes
  mixed-en-de    English and German, a fifth of the tickets switch language between subject and body
  short          a subject (or the first words of a sentence) and at most a few words of body
  long           several paragraphs, a quoted earlier mail (sometimes about another topic), a signature
  typos          typing errors, all lower case, umlauts written as ae/oe/ue
  label-noise    as mixed-en-de, but 15 % of the labels are another queue, in both parts: the held-back labels come
                 from the same hurried agents as the training labels, as on a real desk

In every set, about one ticket in eight never says what is wrong (only details and asides), a third of the detail
sentences belong to another queue ("I already restarted the program" in a network ticket), one in eight carries
the subject of an older, unrelated mail ("RE: ..."), and every fourth phrasing of each queue occurs only in the
held-back part, so a model must generalise from shared words rather than recognise sentences. Label noise moves
a training ticket to the queue a hurried agent would confuse it with. The held-back part (test.jsonl) is drawn
independently of the training part, so the files are the split: otai and bench/sklearn-baseline.py read
exactly the same records.

  python3 data/eval-sets/generate.py                 # rewrites every set
  python3 data/eval-sets/generate.py --large 10000 /tmp/large.jsonl   # one big mixed file, for timing
"""
import json
import random
import sys
from pathlib import Path

from vocabulary import (ASIDES, CLOSINGS, CONTEXT, DETAILS, GREETINGS, NAMES, PROBLEMS, QUEUES, QUOTE_HEADER,
                        SIGNATURE, SLOTS, SUBJECTS, URGENCY)

UNEQUAL = [0.26, 0.22, 0.18, 0.14, 0.12, 0.08]
EQUAL = [1 / 6] * 6

SETS = {
    "confusable-en": dict(langs=["en"], train=240, test=400, weights=UNEQUAL, aside=0.45, details=(0, 2)),
    "mixed-en-de": dict(langs=["en", "de"], train=240, test=400, weights=EQUAL, aside=0.3, details=(0, 2), switch=0.2),
    "short": dict(langs=["en", "de"], train=240, test=400, weights=EQUAL, short=True),
    "long": dict(langs=["en", "de"], train=240, test=300, weights=UNEQUAL, aside=0.5, details=(2, 4), long=True),
    "typos": dict(langs=["en", "de"], train=240, test=400, weights=EQUAL, aside=0.3, details=(0, 2), typos=0.12),
    "label-noise": dict(langs=["en", "de"], train=240, test=400, weights=EQUAL, aside=0.3, details=(0, 2),
                        switch=0.2, noise=0.15),
}

# Where a hurried agent files a ticket of each queue by mistake (label-noise).
NEIGHBOUR = {"Access": "Network", "Network": "Access", "Hardware": "Orders", "Orders": "Billing",
             "Billing": "Orders", "Software": "Hardware"}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
KEYBOARD = "qwertzuiopasdfghjklyxcvbnm"


def fill(rng, text, lang):
    slots = SLOTS[lang]
    for name, values in slots.items():
        while "{" + name + "}" in text:
            text = text.replace("{" + name + "}", rng.choice(values), 1)
    return text.replace("{name}", rng.choice(NAMES))


def sentence(rng, table, queue, lang, part="test"):
    """A filled sentence of the queue; training tickets never use every fourth phrasing (test tickets may)."""
    phrasings = table[queue][lang]
    if part == "train":
        phrasings = [p for i, p in enumerate(phrasings) if i % 4 != 3]
    return fill(rng, rng.choice(phrasings), lang)


def other_queue(rng, queue):
    return rng.choice([q for q in QUEUES if q != queue])


def body(rng, queue, lang, cfg, part):
    if cfg.get("short"):
        return rng.choice(["", "", "see subject", "pls help", "asap", "thx"] if lang == "en"
                          else ["", "", "s. Betreff", "bitte helfen", "dringend", "danke"])
    parts = [fill(rng, rng.choice(GREETINGS[lang]), lang)]
    if rng.random() < 0.4:
        parts.append(fill(rng, rng.choice(CONTEXT[lang]), lang))
    if rng.random() >= cfg.get("vague", 0.12):
        parts.append(sentence(rng, PROBLEMS, queue, lang, part))
    lo, hi = cfg.get("details", (0, 1))
    for _ in range(rng.randint(lo, hi)):
        about = queue if rng.random() >= cfg.get("foreign_details", 0.35) else other_queue(rng, queue)
        parts.append(fill(rng, rng.choice(DETAILS[about][lang]), lang))
    if rng.random() < cfg.get("aside", 0):
        parts.insert(rng.randint(1, len(parts)), fill(rng, rng.choice(ASIDES[lang]), lang))
    if cfg.get("long") and rng.random() < 0.5:
        parts.append(sentence(rng, PROBLEMS, queue, lang, part))
    parts.append(fill(rng, rng.choice(URGENCY[lang]), lang))
    parts.append(fill(rng, rng.choice(CLOSINGS[lang]), lang))
    text = ("\n\n" if cfg.get("long") else "\n").join(p for p in parts if p)
    if cfg.get("long"):
        text += "\n\n" + fill(rng, rng.choice(SIGNATURE[lang]), lang)
        if rng.random() < 0.6:
            quoted_queue = queue if rng.random() < 0.6 else other_queue(rng, queue)
            quoted = [sentence(rng, PROBLEMS, quoted_queue, lang), fill(rng, rng.choice(CLOSINGS[lang]), lang)]
            header = fill(rng, QUOTE_HEADER[lang].replace("{subject}", sentence(rng, SUBJECTS, quoted_queue, lang)),
                          lang)
            text += "\n\n" + header + "\n" + "\n".join("> " + q for q in quoted if q)
    return text


def typo(rng, word):
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(KEYBOARD) + word[i + 1:]


def mistype(rng, text, rate):
    lines = []
    for line in text.split("\n"):
        lines.append(" ".join(typo(rng, w) if rng.random() < rate else w for w in line.split(" ")))
    return "\n".join(lines).lower().translate(UMLAUTS)


def ticket(rng, index, cfg, prefix, part):
    queue = rng.choices(QUEUES, weights=cfg["weights"])[0]
    lang = rng.choice(cfg["langs"])
    subject_lang = lang
    if rng.random() < cfg.get("switch", 0):
        subject_lang = "de" if lang == "en" else "en"
    subject = sentence(rng, SUBJECTS, queue, subject_lang, part)
    if cfg.get("short") and rng.random() < 0.5:
        words = sentence(rng, PROBLEMS, queue, subject_lang, part).rstrip(".?").split(" ")
        subject = " ".join(words[:rng.randint(3, 7)])
    elif not cfg.get("short") and rng.random() < cfg.get("stale", 0.12):
        subject = ("RE: " if subject_lang == "en" else "AW: ") + sentence(rng, SUBJECTS, other_queue(rng, queue),
                                                                          subject_lang, part)
    text = body(rng, queue, lang, cfg, part)
    if cfg.get("typos"):
        subject, text = mistype(rng, subject, cfg["typos"]), mistype(rng, text, cfg["typos"])
    return {"id": f"{prefix}-{index + 1:05d}", "subject": subject, "body": text, "queue": queue, "language": lang}


def generate(name, cfg, seed):
    out = {}
    for part, offset in (("train", 0), ("test", 1)):
        rng = random.Random(f"{seed}/{name}/{part}")
        records = [ticket(rng, i, cfg, f"{name}-{part}", part) for i in range(cfg[part])]
        if cfg.get("noise"):
            for record in records:
                if rng.random() < cfg["noise"]:
                    record["queue"] = NEIGHBOUR[record["queue"]]
        out[part] = records
    return out


def write(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv):
    here = Path(__file__).resolve().parent
    if len(argv) == 3 and argv[0] == "--large":
        cfg = dict(SETS["mixed-en-de"], train=int(argv[1]))
        rng = random.Random("otai-eval/large")
        write(Path(argv[2]), [ticket(rng, i, cfg, "large", "train") for i in range(cfg["train"])])
        return
    if argv:
        sys.exit("usage: generate.py [--large COUNT FILE]")
    for name, cfg in SETS.items():
        parts = generate(name, cfg, "otai-eval-1")
        for part, records in parts.items():
            write(here / name / f"{part}.jsonl", records)


if __name__ == "__main__":
    main(sys.argv[1:])
