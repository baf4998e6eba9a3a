/**
 * What a strong section of each slot holds, for the hover on its marker: what coaches look for,
 * in a line or two. The question a slot answers is its `prompt` (model/frameworks.ts); this is
 * what a good answer to it has.
 */
export const STRONG_SECTION: Readonly<Record<string, string>> = {
  Situation: 'when and where, who was involved, and what was at stake, in two or three sentences: just enough for the rest to make sense.',
  Task: 'what *you* were responsible for or asked to achieve, and what made it hard: a goal, a deadline, a constraint.',
  Action: 'the steps *you* took, in order, with the decisions and why you made them; "I" for your part, "we" only for the team\'s. About half the answer.',
  Result: 'what changed, measured: a number, a percentage, money, time saved, or a before → after; and what it meant for the people involved.',
  Learning: 'what you would do differently, and what you do now because of it: one concrete habit, not a platitude.',
  Context: 'the challenge and its stakes, and what was yours to solve in it: the Situation and the Task in a few sentences.',
  Problem: 'what was wrong, for whom, how bad it was, and why it was yours to fix: the Situation and the Task in a few sentences.',
  Obstacle: 'what stood in your way (a person, a rule, a deadline, a missing skill) and why it was hard.',
};
