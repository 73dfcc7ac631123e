"""The brief's facts, word for word: the name, place, currency, language, hours and contact."""

from __future__ import annotations

import hashlib
import re

from autowebiq_app.catalog.app_spec import Facts
from autowebiq_app.catalog.schema import DomainDoc
from autowebiq_app.engine.brief import Brief

CURRENCIES = (
    ("EUR", r"\beuros?\b|€|\beur\b"),
    ("GBP", r"\bpounds?(?: sterling)?\b|£|\bgbp\b"),
    ("JPY", r"\byen\b|¥|\bjpy\b"),
    ("INR", r"\brupees?\b|₹|\binr\b"),
    ("BRL", r"\breais\b|\breal brasileiro\b|r\$|\bbrl\b"),
    ("CHF", r"\bswiss francs?\b|\bchf\b"),
    ("AUD", r"\baustralian dollars?\b|\baud\b"),
    ("CAD", r"\bcanadian dollars?\b|\bcad\b"),
    ("MXN", r"\bmexican pesos?\b|\bmxn\b"),
    ("NGN", r"\bnaira\b|₦|\bngn\b"),
    ("KES", r"\bkenyan shillings?\b|\bkes\b"),
    ("ZAR", r"\brand\b|\bzar\b"),
    ("THB", r"\bbaht\b|฿|\bthb\b"),
    ("CNY", r"\byuan\b|\brenminbi\b|\bcny\b|\brmb\b"),
    ("KRW", r"\bkorean won\b|₩|\bkrw\b"),
    ("SEK", r"\bswedish kron(?:a|or)\b|\bsek\b"),
    ("NOK", r"\bnorwegian kron(?:e|er)\b|\bnok\b"),
    ("DKK", r"\bdanish kron(?:e|er)\b|\bdkk\b"),
    ("PLN", r"\bzł(?:oty|otys)?\b|\bzloty\b|\bpln\b"),
    ("TRY", r"\bturkish lira\b|₺"),
    ("MAD", r"\bmoroccan dirhams?\b"),
    ("AED", r"\b(?:uae |emirati )?dirhams?\b|\baed\b"),
    ("SGD", r"\bsingapore dollars?\b|\bsgd\b"),
    ("NZD", r"\bnew zealand dollars?\b|\bnzd\b"),
    ("CZK", r"\bczech korun(?:a|y)\b|\bczk\b"),
    ("IDR", r"\brupiah\b|\bidr\b"),
    ("VND", r"\bdong\b|₫|\bvnd\b"),
    ("ILS", r"\bshekels?\b|₪|\bils\b"),
    ("USD", r"\bus dollars?\b|\bdollars?\b|\busd\b|\$"),
)

PLACE_CURRENCY = {
    "EUR": ("lisbon", "porto", "portugal", "paris", "france", "berlin", "germany", "madrid", "spain", "barcelona",
            "rome", "italy", "milan", "amsterdam", "dublin", "ireland", "vienna", "brussels", "athens", "helsinki",
            "croatia", "dubrovnik", "zagreb"),
    "GBP": ("london", "bristol", "manchester", "edinburgh", "glasgow", "leeds", "liverpool", "uk", "england",
            "scotland", "wales", "cardiff", "birmingham"),
    "JPY": ("tokyo", "osaka", "kyoto", "japan"),
    "THB": ("bangkok", "thailand", "phuket", "chiang mai"),
    "MAD": ("marrakech", "marrakesh", "morocco", "casablanca", "fez", "rabat"),
    "INR": ("mumbai", "delhi", "bangalore", "bengaluru", "india", "chennai", "kolkata"),
    "BRL": ("são paulo", "sao paulo", "rio de janeiro", "brazil"),
    "CAD": ("toronto", "vancouver", "montreal", "canada"),
    "AUD": ("sydney", "melbourne", "australia", "brisbane"),
}  # fmt: skip

LANGUAGE_WORDS = {
    "es": r"\b(?:in spanish|en español|en espanol|spanish[- ]language)\b",
    "fr": r"\b(?:in french|en français|en francais|french[- ]language)\b",
    "pt": r"\b(?:in portuguese|em português|em portugues|portuguese[- ]language)\b",
    "de": r"\b(?:in german|auf deutsch|german[- ]language)\b",
    "it": r"\b(?:in italian|in italiano|italian[- ]language)\b",
}

_GENERIC_NAMES = ("Ledgerly", "Listwise", "Keeptrack", "Tally")


def read_facts(brief: Brief, domain: DomainDoc | None, *, seed: int, sold: str | None = None) -> Facts:
    text = brief.prompt
    name = None if brief.name and asked_in(brief.name, text) else brief.name
    subject = brief.subject or (domain.subject if domain else "app")
    named = bool(name)
    if not name and domain is None and sold and sold.lower() != "product":
        # A shop nobody named: what it sells, and where ("Kerala Spice Co.").
        name = " ".join(part for part in (brief.place, sold.capitalize(), "Co.") if part)
    if not name:
        choices = domain.names if domain else _GENERIC_NAMES
        digest = hashlib.sha256(f"{seed}|{text}".encode()).digest()
        name = choices[digest[0] % len(choices)]
    currency = currency_of(text) or (domain.currency if domain and domain.currency else None)
    currency = currency or currency_for_place(brief.place) or "USD"
    place = brief.place
    tagline = (domain.tagline if domain else "Everything in one place.").replace("{name}", name)
    tagline = tagline.replace("{place}", place or "")
    return Facts(
        name=name[:80],
        named_by_user=named,
        subject=subject[:80],
        place=place,
        language=language_of(text),
        currency=currency,
        products=list(brief.offerings)[:12],
        hours=hours_of(text),
        contact=contact_of(text),
        tagline=tagline[:160],
        description=(domain.description if domain else "")[:300],
    )


def asked_in(name: str, text: str) -> bool:
    """A "name" the brief writes as a question ('What is the capital of Australia?') is
    something to ask (a quiz question), not what the business is called."""
    return re.search(re.escape(name) + r"\s*\?", text) is not None


def currency_of(text: str) -> str | None:
    lowered = text.lower()
    hits = [(m.start(), code) for code, pattern in CURRENCIES for m in re.finditer(pattern, lowered)]
    return min(hits)[1] if hits else None


def currency_for_place(place: str | None) -> str | None:
    if not place:
        return None
    lowered = place.lower()
    return next((code for code, places in PLACE_CURRENCY.items() if any(p in lowered for p in places)), None)


_COMMON_WORDS = {
    "en": {"the", "a", "an", "and", "with", "for", "where", "to", "of", "my", "that", "can", "on", "is", "their"},
    "es": {"el", "los", "las", "del", "donde", "con", "para", "y", "una", "que", "pueden", "mis", "sus", "por"},
    "fr": {"le", "les", "des", "du", "pour", "avec", "et", "une", "qui", "où", "peuvent", "mes", "leurs", "dans"},
    "de": {"der", "die", "das", "und", "mit", "für", "ein", "eine", "wo", "können", "meine", "ihre", "auf", "den"},
    "it": {"il", "gli", "per", "con", "e", "una", "che", "dove", "possono", "miei", "loro", "della", "degli", "di"},
    "pt": {"os", "as", "para", "com", "e", "uma", "que", "onde", "podem", "meus", "seus", "em", "do", "da"},
}  # fmt: skip


def language_of(text: str) -> str:
    """The language asked for ("in Spanish", "auf Deutsch"), else the one the brief is
    written in (by its common words), else English."""
    lowered = text.lower()
    asked = next((code for code, pattern in LANGUAGE_WORDS.items() if re.search(pattern, lowered)), None)
    if asked:
        return asked
    words = re.findall(r"[a-zà-ÿ]+", lowered)
    counts = {code: sum(w in common for w in words) for code, common in _COMMON_WORDS.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if best != "en" and counts[best] >= 3 and counts[best] > counts["en"] else "en"


def without_language(text: str) -> str:
    """The brief without the words that ask for a language ("a to-do list auf Deutsch")."""
    for pattern in LANGUAGE_WORDS.values():
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return text


def hours_of(text: str) -> str | None:
    match = re.search(
        r"\b(?:open(?:ing hours)?|hours)\s*(?::|are|is)?\s*((?:mon|tue|wed|thu|fri|sat|sun|daily|every|weekdays|\d)"
        r"[^.;!?]{2,80})",
        text,
        flags=re.I,
    )
    return match.group(1).strip(" ,") if match else None


def contact_of(text: str) -> str | None:
    parts = re.findall(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{7,}\d", text)
    return " · ".join(p.strip() for p in parts[:2]) or None
