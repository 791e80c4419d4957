"""Cutting free text into short phrases that may each name one skill: sentences and list items
(punctuation, bullets, line breaks), then pieces between conjunctions (« et », « ou », "and",
commas…), with lead-ins (« expérience en », « maîtrise de », "knowledge of") and tails
(« un atout », "required") trimmed. Spans are kept: a phrase is (start, end) in the text."""

import re

from matchcore.language.terms import STOPWORDS, Token, word_set

MAX_CHUNK_WORDS = 10  # longer chunks are too vague to name one skill

# Lead-in and trailing words that frame a skill without being part of it (folded).
LEAD_WORDS = word_set(
    """experience experiences experienced knowledge understanding proficiency proficient ability
    able capable skills skill expertise familiarity familiar strong excellent good solid proven
    demonstrated must have has be being will you we your our year years minimum least plus
    responsible charge working hands handson required preferred including include includes
    connaissance connaissances maitrise maitriser capacite capacites aptitude aptitudes habilete
    habiletes etre avoir posseder savoir bonne bonnes bon bons excellente excellentes solide
    solides forte fortes fort ans annee annees requis requise exige exigee souhaite souhaitee
    atout vous nous responsable charge chargee dans sein ideal idealement preferablement notamment
    etc devrez devra devez doit doivent pourrez serez aurez should need needs ensure effectuer
    assurer faire proceder veiller"""
)
TRAIL_WORDS = word_set(
    """required preferred plus asset is a an desirable essential mandatory etc requis requise
    exige exigee exiges souhaite souhaitee souhaites atout un une obligatoire essentiel
    essentielle serait skills skill abilities competences competence habiletes aptitudes"""
)
SEGMENT_BREAK = re.compile(r"[\n\r•·▪●◦■□✓✔➢►|;:!?()\[\]{}]|(?<=\w)[.](?=\s|$)|\s[-–—]\s")
_CHUNK_BREAK = re.compile(
    r",|/|&|\+\s|\s(?:and|et|or|ou|as well as|ainsi que|with|avec|while|tout en|such as|tels? que|"
    r"telles? que|comme|including|notamment|in order to|afin de|to|pour|by|par)\s",
    re.IGNORECASE,
)


def skill_phrases(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Short pieces of the text that may each name one skill, lead-ins and tails trimmed."""
    chunks = []
    for segment_start, segment_end in _spans(SEGMENT_BREAK, text, 0, len(text)):
        for start, end in _spans(_CHUNK_BREAK, text, segment_start, segment_end):
            words = [t for t in tokens if t.start >= start and t.end <= end]
            while words and (
                words[0].folded in LEAD_WORDS
                or words[0].folded in STOPWORDS
                or words[0].folded.isdigit()
            ):
                words = words[1:]
            while words and (words[-1].folded in TRAIL_WORDS or words[-1].folded in STOPWORDS):
                words = words[:-1]
            if words and len(words) <= MAX_CHUNK_WORDS and any(w.text[0].isalpha() for w in words):
                chunks.append((words[0].start, words[-1].end))
    return chunks


def _spans(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if end > position:
        spans.append((position, end))
    return spans
