"""A quiz read from the brief: how many questions it asks for, and questions it writes out.

"A quiz about world capitals with 10 questions. The first question is 'What is the capital of
Australia?' with the options Sydney, Canberra, Melbourne and Perth." The quiz that opens the
site gets the brief's questions first, then questions from the domain's banks (its own first,
then the other quizzes of the domain), never repeating one, up to the number asked for.

The right answer of a question the brief writes out is, in order:
1. the one the brief names ("the answer is Canberra", "Canberra (correct)");
2. the answer of a bank question with the same text;
3. the answer of a bank question on the same thing (sharing its main words, "capital" and
   "Australia") when that answer is one of the brief's options;
4. otherwise the first option listed: a rule the customer can predict and correct by saying
   which answer is right, where a guess among the others would be wrong as often and
   harder to see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from autowebiq_app.catalog.app_spec import FeatureUse, PageSpec

_NUMBER_WORDS = {
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

_COUNT = re.compile(
    r"\b(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:questions|preguntas|perguntas|fragen|domande)\b",
    flags=re.I,
)

# A question in quotes ('…?', "…?", ‘…?’, “…?”) or after "question is" / "question:".
_QUOTED = r"[\"“'‘](?P<quoted>(?:[^\"”'’]|\b['’]\b){3,200}?\?)[\"”'’]"
_INTRODUCED = r"\bquestion\s*(?:\d+\s*)?(?:is|:)\s+(?P<bare>[A-Z][^?\"“'‘]{2,200}\?)"
_QUESTION = re.compile(f"{_QUOTED}|{_INTRODUCED}")

_OPTIONS = re.compile(
    r"^\s*[,;:]?\s*(?:\(|(?:with|and|having)?\s*(?:the\s+|its\s+)?(?:possible\s+)?"
    r"(?:options|choices|answers|answer options)\s*(?:are|of|being|:)?\s*)(?P<list>[^.;()!?\n]+)",
    flags=re.I,
)
_NAMED_ANSWER = re.compile(
    r"\b(?:the\s+)?(?:correct|right)?\s*answer\s*(?:is|being|:|=)\s*[\"“'‘]?(?P<answer>[^.,;\"”'’()]+)", flags=re.I
)
_MARKED = re.compile(r"^(?P<option>.+?)\s*(?:\((?:correct|right|the answer)\)|\*)$", flags=re.I)

_STOP = {"what", "which", "who", "whom", "whose", "where", "when", "how", "is", "are", "was", "the", "a", "an",
         "of", "in", "on", "to", "does", "do", "did", "city", "many", "much"}  # fmt: skip


@dataclass(frozen=True)
class Written:
    """A question the brief writes out: its text, options and the answer it names, if any."""

    question: str
    options: list[str]
    named_answer: str | None = None


def quiz_from_brief(text: str, pages: list[PageSpec]) -> list[PageSpec]:
    """The pages with the quiz that opens the site holding the brief's questions first and as
    many questions as it asks for (all the banks have, when they have fewer)."""
    at = next((i for i, p in enumerate(pages) if any(u.feature == "quiz" for u in p.features)), None)
    if at is None:
        return pages
    page = pages[at]
    use = next(u for u in page.features if u.feature == "quiz")
    own = list(use.config().get("questions") or [])
    others = [u for p in pages for u in p.features if u.feature == "quiz" and u is not use]
    bank = own + [q for u in others for q in u.config().get("questions") or []]
    written = [q for q in (as_question(w, bank) for w in written_questions(text)) if q]
    count = question_count(text)
    rest = [q for q in (bank if count else own) if not any(_same_thing(q, w) for w in written)]
    chosen = _unique([*written, *rest])[: count or None]
    if chosen == own:
        return pages
    quiz = FeatureUse.model_validate({**use.config(), "feature": "quiz", "questions": chosen})
    intro = recounted(page.intro, len(chosen)) if len(chosen) != len(own) else page.intro
    updated = page.model_copy(update={"features": [quiz if u is use else u for u in page.features], "intro": intro})
    return [updated if i == at else p for i, p in enumerate(pages)]


def question_count(text: str) -> int | None:
    """ "with 10 questions", "ten multiple-choice questions" -> 10."""
    match = _COUNT.search(text)
    if not match:
        return None
    word = match.group(1).lower()
    number = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return number if 1 <= number <= 50 else None


def written_questions(text: str) -> list[Written]:
    """The questions the brief writes out, with the options listed after each."""
    found: list[Written] = []
    for match in _QUESTION.finditer(text):
        question = (match.group("quoted") or match.group("bare")).strip()
        following = text[match.end() :]
        listed = _OPTIONS.match(following)
        options = option_list(listed.group("list")) if listed else []
        named = _NAMED_ANSWER.search(following.split("?")[0])
        marked = [m.group("option").strip() for o in options if (m := _MARKED.match(o))]
        options = [(_MARKED.match(o).group("option").strip() if _MARKED.match(o) else o) for o in options]
        answer = marked[0] if marked else named.group("answer").strip() if named else None
        found.append(Written(question=question, options=options, named_answer=answer))
    return found


def option_list(phrase: str) -> list[str]:
    """ "Sydney, Canberra, Melbourne and Perth" -> the four options (two to eight of them)."""
    phrase = re.split(r"\b(?:the (?:correct|right) answer|answer is|where|which|so that)\b", phrase, flags=re.I)[0]
    parts = [p.strip(" '\"‘’“”") for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", phrase)]
    parts = [p for p in parts if p and len(p.split()) <= 6]
    return parts if 2 <= len(parts) <= 8 else []


def as_question(written: Written, bank: list[dict]) -> dict | None:
    """The quiz question for what the brief wrote, its answer found as the module says; None
    when it lists no options and no bank question has its text."""
    same = next((q for q in bank if _words(q["question"]) == _words(written.question)), None)
    options = written.options or (list(same["options"]) if same else [])
    if len(options) < 2:
        return None
    answer = _index(options, written.named_answer)
    if answer is None and same is not None:
        answer = _index(options, same["options"][same["answer"]])
    if answer is None:
        answer = _related_answer(written.question, options, bank)
    return {"question": written.question, "options": options, "answer": answer or 0}


def _related_answer(question: str, options: list[str], bank: list[dict]) -> int | None:
    """The answer of a bank question on the same thing ("capital", "Australia"), if offered."""
    for q in bank:
        if _related(question, q["question"]):
            found = _index(options, q["options"][q["answer"]])
            if found is not None:
                return found
    return None


def _related(one: str, other: str) -> bool:
    """Two questions on the same thing: they share their main words (two, or all of one's)."""
    main = _words(one) - _STOP
    shared = main & (_words(other) - _STOP)
    return bool(shared) and len(shared) >= min(2, len(main))


def _same_thing(banked: dict, written: dict) -> bool:
    """A bank question the brief's own asks again in other words (same topic, same answer):
    "What is the largest planet in our solar system?" beside "What's the largest planet?"."""
    same_answer = right_option(banked).lower() == right_option(written).lower()
    return same_answer and _related(written["question"], banked["question"])


def right_option(question: dict) -> str:
    return str(question["options"][question["answer"]]).strip()


def recounted(intro: str, count: int) -> str:
    """ "Eight general knowledge questions. Pick…" -> "10 general knowledge questions. Pick…"."""
    return _COUNT.sub(lambda m: str(count) + m.group(0)[len(m.group(1)) :], intro, count=1)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _index(options: list[str], answer: str | None) -> int | None:
    if not answer:
        return None
    wanted = answer.strip().lower()
    return next((i for i, o in enumerate(options) if o.strip().lower() == wanted), None)


def _unique(questions: list[dict]) -> list[dict]:
    """Each question once (the first kept), compared by its words."""
    seen: set[frozenset[str]] = set()
    kept = []
    for q in questions:
        key = frozenset(_words(q["question"]))
        if key not in seen:
            seen.add(key)
            kept.append(q)
    return kept
