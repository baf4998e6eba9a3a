import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { markerCompletions } from '../../server/src/core/features/complete';
import { insertSectionEdit, reorderEdit, type OffsetEdit } from '../../server/src/core/features/fixes';
import { outline, type OutlineNode } from '../../server/src/core/features/outline';
import { FRAMEWORKS } from '../../server/src/core/model/frameworks';
import type { StarKind, Story } from '../../server/src/core/model/types';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../../server/src/core/settings';
import type { OffsetRange } from '../../server/src/core/text';
import { CODE_GROUPS } from './corpus';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function lines(...parts: string[]): string {
  return parts.join('\n');
}

export function settingsWith(raw: Record<string, unknown> = {}): Settings {
  return Object.keys(raw).length ? resolveSettings(raw).settings : DEFAULT_SETTINGS;
}

export function check(text: string, raw: Record<string, unknown> = {}): Analysis {
  return analyze(text, settingsWith(raw));
}

/**
 * The structure codes (missing, empty, incomplete, order, duplicates): what these helpers report,
 * as the corpus's `star` group does. Hints added later are asserted by their own tests.
 */
const STRUCTURE = new Set(CODE_GROUPS.star);

function structureFindings(text: string, raw: Record<string, unknown>) {
  return check(text, raw).findings.filter((finding) => STRUCTURE.has(finding.code));
}

/** Structure findings as `code: covered text`, the shape tests assert on. */
export function found(text: string, raw: Record<string, unknown> = {}): string[] {
  return structureFindings(text, raw).map((finding) => `${finding.code}: ${text.slice(...finding.range)}`);
}

export function codes(text: string, raw: Record<string, unknown> = {}): string[] {
  return structureFindings(text, raw).map((finding) => finding.code);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset a client can turn into a position: inside the text, and not between the halves of a surrogate pair. */
function assertOffset(text: string, offset: number, what: string): void {
  assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${what}: offset ${offset} is outside 0..${text.length}`);
  assert.ok(!(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))), `${what}: offset ${offset} splits a surrogate pair`);
}

function assertRange(text: string, [start, end]: OffsetRange, what: string): void {
  assertOffset(text, start, what);
  assertOffset(text, end, what);
  assert.ok(start <= end, `${what}: range [${start}, ${end}] ends before it starts`);
}

const within = ([start, end]: OffsetRange, [outerStart, outerEnd]: OffsetRange) => outerStart <= start && end <= outerEnd;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Everything the core reports about a text lies inside it, on character boundaries, in the shape the LSP edge needs. */
export function assertSound(text: string, analysis: Analysis, settings: Settings): void {
  const { doc, findings } = analysis;
  const wellFormed = !LONE_SURROGATE.test(text);
  for (const finding of findings) {
    assertRange(text, finding.range, `finding ${finding.code}`);
    if (wellFormed) assert.ok(!LONE_SURROGATE.test(finding.message), `finding ${finding.code} message cuts a character in half: ${finding.message}`);
  }
  for (const story of doc.stories) {
    assertRange(text, story.range, `story ${story.title}`);
    for (const section of story.sections) {
      assertOffset(text, section.blockStart, `${section.name} block start`);
      assertRange(text, section.markerRange, `${section.name} marker`);
      assertRange(text, section.contentRange, `${section.name} content`);
      assert.ok(section.blockStart <= section.markerRange[0], `${section.name} marker starts before its block`);
      assert.ok(within(section.markerRange, story.range), `${section.name} marker lies outside its story`);
    }
  }
  for (const heading of doc.headings) {
    assertRange(text, heading.range, 'heading');
    assertRange(text, heading.subtree, 'heading subtree');
  }
  for (const mode of ['stories', 'headings'] as const) {
    const visit = (node: OutlineNode) => {
      assertRange(text, node.range, `outline ${node.name}`);
      assertRange(text, node.selectionRange, `outline ${node.name} selection`);
      // LSP clients reject a symbol whose selection range is not inside its range.
      assert.ok(within(node.selectionRange, node.range), `outline ${node.name}: selection ${node.selectionRange} outside ${node.range}`);
      if (wellFormed) assert.ok(!LONE_SURROGATE.test(node.name + node.detail), `outline ${node.name} cuts a character in half: ${node.detail}`);
      node.children.forEach(visit);
    };
    outline(doc, mode, settings).forEach(visit);
  }
  const ends = doc.stories.flatMap((story) => [story.range[1], ...story.sections.map((section) => section.contentRange[1])]);
  // Samples, of completions and fixes: each looks through every story, so all of 50 000 would test the test.
  for (const offset of [0, text.length, ...ends.filter((_, i) => i % Math.ceil(ends.length / 100) === 0)]) {
    for (const item of markerCompletions(doc, offset, settings)) {
      assertRange(text, item.range, `completion ${item.label}`);
      assert.equal(item.range[1], offset, `completion ${item.label} replaces text after the cursor`);
    }
  }
  for (const story of doc.stories.filter((_, i) => i % Math.ceil(doc.stories.length / 100) === 0)) {
    for (const edit of fixesFor(doc, story)) assertRange(text, edit.range, `fix for ${story.title}`);
  }
}

/** The first kind of each slot of the story's framework that no section fills: what a missing-section fix inserts. */
export function missingKinds(story: Story): StarKind[] {
  return FRAMEWORKS[story.framework.id].slots
    .filter((slot) => !slot.optional && !slot.kinds.some((kind) => story.sections.some((section) => section.kinds.includes(kind))))
    .map((slot) => slot.kinds[0] as StarKind);
}

function fixesFor(doc: Analysis['doc'], story: Story): OffsetEdit[] {
  const inserts = missingKinds(story).flatMap((kind) => insertSectionEdit(doc, story, kind) ?? []);
  const reorder = reorderEdit(doc, story);
  return reorder ? [...inserts, reorder] : inserts;
}
