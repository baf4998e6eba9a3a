import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyStats } from '../../server/src/core/coach/stats';
import { storyHints, storyLens } from '../../server/src/core/features/lens';
import { storyProgress } from '../../server/src/core/model/progress';
import { check, lines, settingsWith } from './helpers';

/** A teacher's notes: a finished STAR-L story, and one that stops after its Situation. */
const NOTES = lines(
  '## Turning round a Year 9 set',
  '',
  '- **Situation:** My Year 9 maths set had the lowest attendance in the year group and a third of them were two grades behind.',
  '- **Task:** I had one term to get them back on track before options evening.',
  '- **Action:** I rewrote the scheme of work around short retrieval quizzes, phoned every parent in the first fortnight to agree one target per pupil, ran a Thursday catch-up club with the two weakest groups, and sent a short progress note home every Friday.',
  '- **Result:** Attendance rose from 82% to 94% and 19 of the 27 pupils moved up at least one grade by Easter.',
  '- **Learning:** I now call home with good news first, before there is ever a problem.',
  '',
  '## Parents evening complaint',
  '',
  '- **Situation:** A parent complained to the head that homework was never marked.',
  '',
);

function lensOf(text: string, index: number, raw: Record<string, unknown> = {}) {
  const settings = settingsWith(raw);
  const analysis = check(text, raw);
  const story = analysis.doc.stories[index];
  return storyLens(storyProgress(story, analysis.doc.text, settings), storyStats(story, settings.wordsPerMinute), storyHints(analysis.findings, story));
}

describe('code lens text', () => {
  it('marks each slot, then words, spoken length and hints', () => {
    assert.match(lensOf(NOTES, 0), /^S ✓ T ✓ A ✓ R ✓ L ✓ · \d+ words · ~\d+s$/);
  });

  it('marks what is missing with ✗ and leaves out a Learning that is not there', () => {
    assert.match(lensOf(NOTES, 1), /^S ✓ T ✗ A ✗ R ✗ · 11 words · ~4s$/);
  });

  it('marks a section that trails off with ⚠', () => {
    const text = NOTES.replace('before options evening.', 'before options evening and');
    assert.match(lensOf(text, 0), /^S ✓ T ⚠ A ✓ R ✓ L ✓ /);
  });

  it('speaks at the pace the settings give', () => {
    const slow = lensOf(NOTES, 0, { wordsPerMinute: 60 });
    const words = Number(/ · (\d+) words · /.exec(slow)![1]);
    assert.ok(slow.endsWith(` · ~${Math.floor(words / 60)}m${String(words % 60).padStart(2, '0')}s`), slow);
  });

  it('counts the hints in the story, and only findings at hint level', () => {
    const vague = NOTES.replace('Attendance rose from 82% to 94% and 19 of the 27 pupils moved up at least one grade by Easter.', 'The class was calmer and the pupils were keen to come to lessons again.');
    assert.match(lensOf(vague, 0), / · 1 hint$/);
    assert.doesNotMatch(lensOf(vague, 0, { severity: { 'no-metric': 'warning' } }), /hint/);
    const analysis = check(vague);
    assert.equal(storyHints(analysis.findings, analysis.doc.stories[1]), 0);
  });
});
