import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { matchLabel, splitHeadingLabel, type LabelMatcher } from './labels';
import { startOfLine, trimStart, type OffsetRange } from '../text';
import type { HeadingInfo, Section } from './types';

export interface HeadingEvent {
  type: 'heading';
  start: number;
  info: HeadingInfo;
  marker?: Omit<Section, 'contentRange' | 'words'> & { contentStart: number };
}
export interface LabelEvent {
  type: 'label';
  start: number;
  marker: Omit<Section, 'contentRange' | 'words'> & { contentStart: number };
}
/** What the model takes from the syntax tree: each heading, and each label that starts a section. */
export type MarkerEvent = HeadingEvent | LabelEvent;

/**
 * The marker events of a tree, in document order. Each depends only on its own node, so a caller
 * that parses in pieces can keep them per piece and move them with `shiftEvents`.
 */
export function markerEvents(text: string, root: Root, matcher: LabelMatcher): MarkerEvent[] {
  const events: MarkerEvent[] = [];
  visit(root, (node, index, parent) => {
    if (node.type === 'heading') {
      events.push(headingEvent(text, node, matcher));
      return 'skip';
    }
    if (node.type === 'paragraph') {
      const inListItemHead = parent?.type === 'listItem' && index === 0;
      events.push(...labelEvents(text, node, inListItemHead ? parent.position?.start.offset : undefined, matcher));
      return 'skip';
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'table' || node.type === 'definition') return 'skip';
    return undefined;
  });
  return events;
}

/** Copies of `events` moved by `delta` characters; copies, because the model completes them in place. */
export function shiftEvents(events: readonly MarkerEvent[], delta: number): MarkerEvent[] {
  const range = ([start, end]: OffsetRange): [number, number] => [start + delta, end + delta];
  const marker = <M extends LabelEvent['marker']>(m: M): M => ({
    ...m,
    blockStart: m.blockStart + delta,
    markerRange: range(m.markerRange),
    contentStart: m.contentStart + delta,
  });
  return events.map((event) =>
    event.type === 'label'
      ? { ...event, start: event.start + delta, marker: marker(event.marker) }
      : {
          ...event,
          start: event.start + delta,
          info: { ...event.info, range: range(event.info.range), subtree: range(event.info.subtree) },
          marker: event.marker && marker(event.marker),
        },
  );
}

function headingEvent(text: string, node: Heading, matcher: LabelMatcher): HeadingEvent {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const headingText = toString(node).trim();
  const split = splitHeadingLabel(headingText, matcher);
  const info: HeadingInfo = { text: headingText, depth: node.depth, range: [start, end], subtree: [start, end] as [number, number], marker: split?.kind };
  if (!split) return { type: 'heading', start, info };
  let contentStart = end;
  if (split.rest) {
    const colon = text.slice(start, end).search(/[:：]/);
    if (colon >= 0) contentStart = trimStart(text, start + colon + 1, end);
  }
  return {
    type: 'heading',
    start,
    info,
    marker: { kind: split.kind, label: split.label, strong: matcher.isStrong(split.label), style: { type: 'heading', depth: node.depth }, blockStart: start, markerRange: [start, end], contentStart },
  };
}

/**
 * Labels at the start of the paragraph and at the start of any later line of it: people write
 * `Situation: …` / `Task: …` on consecutive lines with no blank line between them.
 */
function labelEvents(text: string, node: Paragraph, listItemStart: number | undefined, matcher: LabelMatcher): LabelEvent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const events: LabelEvent[] = [];
  for (let lineStart = start; lineStart < end; ) {
    const event = labelEventAt(text, lineStart, end, lineStart === start ? (listItemStart ?? start) : lineStart, matcher);
    if (event) events.push(event);
    const lineEnd = text.slice(lineStart, end).search(/\r\n|\r|\n/);
    if (lineEnd < 0) break;
    lineStart = lineStart + lineEnd + (text.startsWith('\r\n', lineStart + lineEnd) ? 2 : 1);
    while (lineStart < end && /[ \t>]/.test(text[lineStart])) lineStart++;
  }
  return events;
}

function labelEventAt(text: string, start: number, end: number, blockStart: number, matcher: LabelMatcher): LabelEvent | undefined {
  const match = matchLabel(text.slice(start, Math.min(end, start + 120)), matcher);
  if (!match) return undefined;
  const lineStart = startOfLine(text, blockStart);
  const contentStart = trimStart(text, start + match.markerEnd, end);
  const template =
    text.slice(lineStart, start + match.labelStart) + '{label}' + text.slice(start + match.labelEnd, start + match.markerEnd).trimEnd() + ' ';
  return {
    type: 'label',
    start: blockStart,
    marker: {
      kind: match.kind,
      label: match.label,
      strong: matcher.isStrong(match.label),
      style: { type: 'label', template },
      blockStart,
      markerRange: [start, start + match.markerEnd],
      contentStart,
    },
  };
}
