"""Write N synthetic but realistic review files into a project: seeded, so every run is the same.

The mix (channels, ratings, languages, thread sizes, statuses) follows what a small Nordic shop sees
in five years; texts are composed from the sentence bank in `tests.synthetic_text`.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from tests import synthetic_text as bank

# Weights are shares in percent.
CHANNELS = {
    "google": 34,
    "trustpilot": 18,
    "facebook": 14,
    "email": 10,
    "instagram": 4,
    "chat": 6,
    "phone": 4,
    "web-form": 3,
    "in-store": 3,
    "app-store": 2,
    "google-play": 2,
}
UNRATED_CHANNELS = {"email", "chat", "phone", "web-form", "in-store"}
TITLED_CHANNELS = {"trustpilot", "app-store", "google-play"}
RATINGS = {5: 42, 4: 18, 3: 9, 2: 11, 1: 20}
LANGUAGES = {"nb": 82, "sv": 7, "fi": 4, "en": 7}
THREAD_SIZES = {0: 14, 1: 42, 2: 24, 3: 13, 4: 7}
LAST_DAY = datetime(2026, 11, 20, 18, 0)
YEARS = 5
MINIMAL_CONFIG = "name: Synthetic shop\nlanguage: nb\ntimezone: Europe/Oslo\nper_page: 20\n"


def pick(rng: random.Random, weights: dict):
    """Return one key of weights, chosen with its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class ReviewWriter:
    """Composes one review file's YAML from a seeded random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def fill(self, sentence: str, language: str, **known) -> str:
        """Return sentence with its placeholders filled; one product per review and language."""
        rng = self.rng
        return sentence.format(
            **known,
            product=self.products[language],
            days=rng.randint(4, 21),
            order=rng.randint(100000, 9999999),
            place=rng.choice(bank.PLACES),
        )

    def customer_text(self, language: str, kind: str) -> str:
        """Return one line to several paragraphs in the customer's language."""
        rng = self.rng
        sentences = bank.TEXT[language]
        pool = sentences.get(kind) or sentences["question"]
        if kind == "mixed":
            pool = sentences["praise"] + sentences["complaint"]
        size = rng.choices([1, 2, 3, 5, 9, 14], weights=[25, 22, 18, 17, 12, 6])[0]
        if language != "nb":
            size = min(size, len(pool))  # the smaller banks would repeat themselves
        chosen = [self.fill(rng.choice(pool), language) for _ in range(size - len(pool))]
        chosen += [
            self.fill(sentence, language) for sentence in rng.sample(pool, min(size, len(pool)))
        ]
        paragraphs = []
        while chosen:
            cut = rng.randint(3, 5)
            paragraphs.append(" ".join(chosen[:cut]))
            chosen = chosen[cut:]
        return "\n\n".join(paragraphs)

    def reply(self, language: str, kind: str, name: str, received: datetime, quote: str) -> str:
        """Return a business reply; its parts vary so most replies are not alike."""
        rng = self.rng
        # Finnish customers get an answer in English, Swedish ones in Norwegian.
        language = "en" if language in ("en", "fi") else "nb"
        parts = bank.REPLY[language]
        tone = "thanks" if kind == "praise" else "sorry"
        lines = [rng.choice(parts["open"]).format(name=name)]
        lines.append(self.fill(rng.choice(parts[tone]), language))
        date = f"{received:%d.%m.}" if language == "nb" else f"{received:%d %B}"
        for sentence in rng.sample(parts["detail"], rng.randint(1, 2)):
            lines.append(self.fill(sentence, language, date=date, quote=quote))
        for sentence in rng.sample(parts["act"], 0 if tone == "thanks" else rng.randint(1, 2)):
            lines.append(self.fill(sentence, language))
        lines.append(rng.choice(parts["close"]))
        return " ".join(line for line in lines if line)

    def write(self, received: datetime) -> tuple[str, str]:
        """Return the slug and the YAML of one review received at `received`."""
        rng = self.rng
        product = rng.randrange(len(bank.PRODUCTS["nb"]))
        self.products = {
            language: names[product % len(names)] for language, names in bank.PRODUCTS.items()
        }
        channel = pick(rng, CHANNELS)
        language = pick(rng, LANGUAGES)
        rating = None if channel in UNRATED_CHANNELS and rng.random() < 0.8 else pick(rng, RATINGS)
        if rating is None:
            kind = rng.choice(["complaint", "complaint", "question", "suggestion", "praise"])
        else:
            kind = "complaint" if rating <= 2 else "mixed" if rating == 3 else "praise"
        firsts, lasts = bank.AUTHORS[language]
        first = rng.choice(firsts)
        lines = [f"channel: {channel}", f"received: {received:%Y-%m-%dT%H:%M}"]
        named = rng.random() < 0.9
        if named:
            lines.append(
                f"author: {json.dumps(f'{first} {rng.choice(lasts)}', ensure_ascii=False)}"
            )
        lines.append(f"rating: {rating}" if rating else f"kind: {kind}")
        if language != "nb":
            lines.append(f"language: {language}")
        if rng.random() < 0.03:
            lines.append("consent: withheld")
        elif rng.random() < 0.05:
            lines.append("consent: anonymous")
        if channel in TITLED_CHANNELS:
            tone = "praise" if kind == "praise" else "complaint"
            lines.append(f"title: {json.dumps(rng.choice(bank.TITLES[language][tone]))}")
        if rng.random() < 0.3:
            lines.append(f"verified: {'true' if rng.random() < 0.85 else 'false'}")
        text = self.customer_text(language, kind)
        lines += block("text", text)
        quote = re.split(r"(?<=[.!?]) ", text, maxsplit=1)[0].rstrip(".")
        thread = self.thread(received, language, kind, first, quote)
        if thread:
            lines.append("thread:")
            lines += thread
        lines += self.outcome(received, kind, bool(thread))
        slug = "".join(c for c in first.lower() if c.isascii()) if named else "kunde"
        return slug, "\n".join(lines) + "\n"

    def thread(
        self, received: datetime, language: str, kind: str, name: str, quote: str
    ) -> list[str]:
        rng = self.rng
        size = pick(rng, THREAD_SIZES)
        if received > LAST_DAY - timedelta(days=3) and rng.random() < 0.5:
            size = 0  # the newest reviews often wait for a first reply
        lines, at, public = [], received, 0
        for index in range(size):
            at += timedelta(minutes=int(rng.lognormvariate(5.2, 1.2)) + 5)
            roll = rng.random()
            if index == 0 or (roll < 0.45 and public < 2):
                public += 1
                lines += [f"  - at: {at:%Y-%m-%dT%H:%M}"]
                if rng.random() < 0.6:
                    by = self.fill(rng.choice(bank.STAFF), language)
                    lines.append(f"    by: {json.dumps(by, ensure_ascii=False)}")
                lines += block(
                    "text", self.reply(language, kind, name, received, quote), indent="    "
                )
            elif roll < 0.8:
                text = rng.choice(bank.FOLLOW_UP[language])
                lines += [f"  - at: {at:%Y-%m-%dT%H:%M}", "    from: customer"]
                lines += block("text", text, indent="    ")
            else:
                via = rng.choice(["email", "phone", "chat", "message"])
                lines += [f"  - at: {at:%Y-%m-%dT%H:%M}", "    private: true", f"    via: {via}"]
                summary = self.fill(rng.choice(bank.PRIVATE_SUMMARY), "nb")
                if summary:
                    lines += block("summary", summary, indent="    ")
        return lines

    def outcome(self, received: datetime, kind: str, answered: bool) -> list[str]:
        rng = self.rng
        if not answered or kind in ("praise", "question") and rng.random() < 0.7:
            return []
        weights = {"resolved": 55, "explained": 15, "unresolved": 10, "open": 20}
        status = pick(rng, weights)
        lines = ["outcome:", f"  status: {status}"]
        if status == "open":
            return lines
        lines.append(f"  at: {received + timedelta(days=rng.randint(1, 12)):%Y-%m-%d}")
        summary = self.fill(rng.choice(bank.OUTCOME_SUMMARY[status]), "nb")
        lines += block("summary", summary, indent="  ")
        if status == "resolved":
            actions = rng.sample(["apology", "refund", "replacement", "redelivery", "repair"], 2)
            lines.append(f"  actions: [{', '.join(actions)}]")
            if rng.random() < 0.4:
                lines.append(f"  rating_after: {rng.randint(3, 5)}")
            if rng.random() < 0.3:
                lines += block(
                    "customer_said", self.fill(rng.choice(bank.CUSTOMER_SAID), "nb"), indent="  "
                )
            if rng.random() < 0.15:
                lines += block("change", self.fill(rng.choice(bank.CHANGE), "nb"), indent="  ")
        return lines


def block(key: str, text: str, indent: str = "") -> list[str]:
    """Return `key: |` and the text indented under it (a YAML literal block)."""
    body = [f"{indent}  {line}" if line else "" for line in text.splitlines()]
    return [f"{indent}{key}: |", *body]


def write_reviews(root: Path, count: int, seed: int = 2026) -> list[Path]:
    """Write `count` review files under root/reviews/<year>/; return their paths, oldest first."""
    rng = random.Random(seed)
    writer = ReviewWriter(rng)
    span = timedelta(days=365 * YEARS).total_seconds()
    # More reviews in later years, as a shop grows: the square root skews dates towards the end.
    moments = sorted(
        LAST_DAY - timedelta(seconds=span * (1 - rng.random() ** 0.5)) for _ in range(count)
    )
    paths, used = [], set()
    for received in moments:
        received = received.replace(second=0, microsecond=0)
        slug, text = writer.write(received)
        stem = f"{received:%Y-%m-%d}-{slug}"
        name, number = stem, 2
        while name in used:
            name, number = f"{stem}-{number}", number + 1
        used.add(name)
        path = root / "reviews" / f"{received:%Y}" / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_project(root: Path, count: int, seed: int = 2026, config: Path | None = None) -> Path:
    """Write a project with `count` synthetic reviews; site_config.yml copied from config."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if config is not None and config.is_file():
        shutil.copyfile(config, root / "site_config.yml")
    else:
        (root / "site_config.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    write_reviews(root, count, seed)
    return root
