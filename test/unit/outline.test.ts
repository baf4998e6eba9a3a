import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outline } from '../../server/src/core/features/outline';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { check, fixture } from './helpers';

describe('outline', () => {
  it('lists the stories with completeness and their sections, and no other headings', () => {
    const nodes = outline(check(fixture('interview-notes.md')).doc, 'stories', DEFAULT_SETTINGS);
    assert.deepEqual(
      nodes.map((n) => [n.name, n.detail, n.children.map((c) => c.name)]),
      [['Leading CI Migration (Jenkins -> GH Actions)', 'S T · R', ['Situation', 'Task', 'Results', 'Challenges']]],
    );
  });

  it('lists the whole heading tree with stories marked in headings mode', () => {
    const nodes = outline(check(fixture('interview-notes.md')).doc, 'headings', DEFAULT_SETTINGS);
    const flat = (list: typeof nodes, depth = 0): string[] => list.flatMap((n) => [`${'  '.repeat(depth)}${n.name}${n.detail ? ` [${n.detail}]` : ''}`, ...flat(n.children, depth + 1)]);
    assert.deepEqual(flat(nodes), [
      'Craftmanship / Design',
      '  Tradeoffs and edgecases',
      '  Performance, Complexity vs Simplicity',
      'Hiring Manager',
      '  Current Project(s)',
      '    Leading CI Migration (Jenkins -> GH Actions) [S T · R]',
      '      Situation [Poor code deployment UX]',
      '      Task [Mi]',
      '      Results [section]',
      '      Challenges [section]',
      '  x',
    ]);
  });

  it('keeps every child range inside its parent', () => {
    for (const mode of ['stories', 'headings'] as const) {
      const walk = (nodes: ReturnType<typeof outline>) => {
        for (const node of nodes) {
          for (const child of node.children) assert.ok(node.range[0] <= child.range[0] && child.range[1] <= node.range[1], `${child.name} in ${node.name}`);
          assert.ok(node.range[0] <= node.selectionRange[0] && node.selectionRange[1] <= node.range[1]);
          walk(node.children);
        }
      };
      walk(outline(check(fixture('interview-notes.md')).doc, mode, DEFAULT_SETTINGS));
    }
  });
});
