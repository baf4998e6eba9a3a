/**
 * Hedges and filler that interview coaches strike from an Action or a Result, each with what to
 * say instead. Kept small on purpose: words that are vague in most sentences an interviewee
 * says, not merely informal. `starNotes.vagueWords` adds the writer's own.
 */
export interface VaguePhrase {
  /** Whole words, any case; a space matches any run of spaces or a line break. */
  phrase: string;
  /** Finishes "…: " in the message. */
  advice: string;
  /** Words right before it that make it the plain sense: "a kind of rota" is a sort, not a hedge. */
  notAfter?: readonly string[];
}

/** Before "kind of" or "sort of", a word that makes it a noun: "what kind of support", "the same sort of shift". */
const DETERMINERS = ['a', 'an', 'the', 'what', 'which', 'this', 'that', 'these', 'those', 'any', 'every', 'each', 'some', 'same', 'one', 'no', 'other', 'right', 'my', 'our', 'your', 'their', 'his', 'her', 'its'];

export const VAGUE_PHRASES: readonly VaguePhrase[] = [
  { phrase: 'helped with', advice: 'say which part was yours' },
  { phrase: 'helped to', advice: 'say which part was yours' },
  { phrase: 'assisted with', advice: 'say which part was yours' },
  { phrase: 'was involved in', advice: 'say what you did in it' },
  { phrase: 'were involved in', advice: 'say what you did in it' },
  { phrase: 'got involved in', advice: 'say what you did in it' },
  { phrase: 'I was part of', advice: 'say what you did in it' },
  { phrase: 'we were part of', advice: 'say what you did in it' },
  { phrase: 'participated in', advice: 'say what you did in it' },
  { phrase: 'various', advice: 'name them, or the one that mattered' },
  { phrase: 'etc', advice: 'finish the list or end it' },
  { phrase: 'and so on', advice: 'finish the list or end it' },
  { phrase: 'things', advice: 'name them' },
  { phrase: 'stuff', advice: 'name it' },
  { phrase: 'kind of', advice: 'say it plainly or leave it out', notAfter: DETERMINERS },
  { phrase: 'sort of', advice: 'say it plainly or leave it out', notAfter: DETERMINERS },
  { phrase: 'basically', advice: 'leave it out' },
  { phrase: 'somehow', advice: 'say how' },
  { phrase: 'successfully', advice: 'let the result show it' },
  { phrase: 'a lot', advice: 'say how much or how many' },
  { phrase: 'lots of', advice: 'say how much or how many' },
];

/** The advice for a phrase of the writer's own list. */
export const OWN_PHRASE_ADVICE = 'say it in concrete words';
