/**
 * Other fields' templates whose lines begin with labels, some of them STAR's words: a lab
 * notebook's Aim / Method / Results / Conclusion (with `Task:` to-dos), a clinician's SOAP note, a
 * game's stat block (Action / Bonus Action / Reaction). Where a paragraph's lines name two labels
 * of one of these, and STAR's no more, its `Results:` and `Task:` are that template's, not a story's sections.
 * Lower case; a label matches a whole entry.
 */
export const SCAFFOLDS: Readonly<Record<string, readonly string[]>> = {
  'lab notebook': ['aim', 'aims', 'hypothesis', 'method', 'methods', 'materials', 'materials and methods', 'procedure', 'protocol', 'observation', 'observations', 'conclusion', 'conclusions', 'discussion', 'reagents', 'sample', 'samples'],
  'clinical note': ['subjective', 'assessment', 'plan', 'history', 'examination', 'impression', 'diagnosis', 'differential', 'safety net', 'safety netting'],
  'game stat block': ['bonus action', 'bonus actions', 'reaction', 'reactions', 'legendary action', 'legendary actions', 'lair action', 'lair actions', 'multiattack', 'hit points', 'armor class', 'armour class', 'speed', 'senses', 'languages', 'challenge'],
};

const SCAFFOLD_OF = new Map(Object.entries(SCAFFOLDS).flatMap(([name, labels]) => labels.map((label) => [label, name] as const)));

/**
 * The template two or more of `labels` come from, if any, and only when it names no fewer of them
 * than STAR does (`isStar` gives a STAR label's kinds): a doctor's story may carry an Assessment
 * and a Plan among its Situation, Task, Action and Result, and stays a story. STAR is asked only
 * once a template has two labels: most paragraphs have none.
 */
export function scaffoldOf(labels: readonly string[], isStar: (label: string) => string | undefined): string | undefined {
  const named = new Map<string, Set<string>>();
  for (const label of labels) {
    const lower = label.trim().toLowerCase();
    const name = SCAFFOLD_OF.get(lower);
    if (name) named.set(name, (named.get(name) ?? new Set<string>()).add(lower));
  }
  const candidates = [...named].filter(([, seen]) => seen.size >= 2);
  if (candidates.length === 0) return undefined;
  const star = new Set(labels.flatMap((label) => {
    const lower = label.trim().toLowerCase();
    const kind = SCAFFOLD_OF.has(lower) ? undefined : isStar(lower);
    return kind ? [kind] : [];
  }));
  return candidates.find(([, seen]) => seen.size >= star.size)?.[0];
}
