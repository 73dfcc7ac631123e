"""Quizzes read from the brief: the number of questions asked for and the questions it
writes out, with their options and right answers."""

from __future__ import annotations

from autowebiq_app.engine.reading.quiz import question_count, written_questions
from tests.engine.reading import CATALOG, spec

CAPITALS = (
    "A quiz about world capitals with 10 questions and a score at the end. The first question is "
    "'What is the capital of Australia?' with the options Sydney, Canberra, Melbourne and Perth."
)


def quizzes(found) -> list[list[dict]]:
    return [u.config()["questions"] for p in found.pages for u in p.features if u.feature == "quiz"]


def right(question: dict) -> str:
    return question["options"][question["answer"]]


def test_a_capitals_quiz_asks_the_briefs_question_first_with_its_options_and_honours_the_count():
    found = spec(CAPITALS)
    assert found.domain == "capitals-quiz"
    questions = quizzes(found)[0]
    assert len(questions) == 10
    first = questions[0]
    assert first["question"] == "What is the capital of Australia?"
    assert first["options"] == ["Sydney", "Canberra", "Melbourne", "Perth"]
    assert right(first) == "Canberra"  # the bank knows it
    texts = [q["question"] for q in questions]
    assert len(set(texts)) == len(texts), "no question twice"
    assert found.facts.name != "What is the capital of Australia", "a question is not the site's name"


def test_the_count_takes_from_every_bank_of_the_domain_but_never_repeats():
    found = spec("A trivia quiz with 12 questions")
    assert found.domain == "quiz-app"
    questions = quizzes(found)[0]
    assert len(questions) == 12
    assert len({q["question"] for q in questions}) == 12
    # more than the banks hold: all of them, once each
    many = quizzes(spec("A trivia quiz with 50 questions"))[0]
    assert len(many) == len({q["question"] for q in many}) == sum(len(q) for q in quizzes(spec("A trivia quiz")))


def test_the_quiz_page_intro_says_the_new_count():
    found = spec("A pub quiz with ten questions")
    page = next(p for p in found.pages if any(u.feature == "quiz" for u in p.features))
    assert page.intro.startswith("10 general knowledge questions")


def test_an_answer_the_brief_names_wins_and_a_marked_option_counts_as_named():
    found = spec(
        'A trivia quiz. Question 1: "Who wrote Hamlet?" (Dickens, Shakespeare, Austen); the answer is Shakespeare.'
    )
    first = quizzes(found)[0][0]
    assert first["question"] == "Who wrote Hamlet?" and first["options"] == ["Dickens", "Shakespeare", "Austen"]
    assert right(first) == "Shakespeare"
    marked = quizzes(spec("a pub quiz, first question: 'What's the largest planet?' options: Mars, Jupiter*, Venus"))[0]
    assert marked[0]["options"] == ["Mars", "Jupiter", "Venus"] and right(marked[0]) == "Jupiter"
    # the bank's own wording of the same question is not asked again
    assert not any("largest planet" in q["question"] for q in marked[1:])


def test_a_question_in_other_words_takes_the_answer_of_the_bank_question_on_the_same_thing():
    found = spec(
        "a pub quiz, the first question is 'What's the capital city of Australia?' "
        "with the options Perth, Canberra or Sydney"
    )
    assert right(quizzes(found)[0][0]) == "Canberra"


def test_a_question_nobody_knows_the_answer_to_takes_the_first_option():
    found = spec(
        "A trivia quiz. The first question is 'Which is my favourite colour?' with the options Teal, Ochre and Plum."
    )
    first = quizzes(found)[0][0]
    assert first["options"] == ["Teal", "Ochre", "Plum"] and first["answer"] == 0


def test_reading_counts_and_questions():
    assert question_count("twenty multiple-choice questions") == 20
    assert question_count("Un quiz de 15 questions") == 15
    assert question_count("answer questions from the class") is None
    assert written_questions("a quiz app where people answer questions") == []
    [written] = written_questions('The first question is "How many legs has a spider?" (six, eight or ten)')
    assert written.question == "How many legs has a spider?" and written.options == ["six", "eight", "ten"]


def test_a_brief_without_a_quiz_is_left_alone():
    found = spec("A CRM where I add clients. The first question is 'Who called?' with the options Ann, Bo and Cy.")
    assert quizzes(found) == []


def test_drills_and_capitals_have_their_own_domains():
    assert spec("Multiplication practice for kids, tables 1 to 12, with a score and a streak").domain == "maths-practice"
    assert spec("a times tables app").domain == "maths-practice"
    assert spec("a capitals quiz app").domain == "capitals-quiz"
    assert spec("a pub quiz with a leaderboard").domain == "quiz-app"


def test_no_keyword_phrase_belongs_to_two_domains():
    owners: dict[str, str] = {}
    for slug, domain in sorted(CATALOG.domains.items()):
        for phrase in domain.keywords:
            assert owners.setdefault(phrase.lower(), slug) == slug, f"{phrase!r}: {owners[phrase.lower()]} and {slug}"
