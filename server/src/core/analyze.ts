import { Directives } from './directives';
import { buildModel, type StarDocument } from './model';
import { parseMarkdown } from './parse';
import { RULES } from './rules';
import type { Settings } from './settings';
import type { Finding } from './types';

export interface Analysis {
  doc: StarDocument;
  directives: Directives;
  /** STAR findings with the user's severities applied and disabled ones removed. */
  findings: Finding[];
}

export function analyze(text: string, settings: Settings): Analysis {
  const root = parseMarkdown(text);
  const doc = buildModel(text, root, settings);
  const directives = new Directives(text, root);
  return { doc, directives, findings: directives.filter(starFindings(doc, settings)) };
}

export function starFindings(doc: StarDocument, settings: Settings): Finding[] {
  const context = { text: doc.text, settings };
  const findings: Finding[] = [];
  for (const story of doc.stories) {
    for (const rule of RULES) {
      for (const finding of rule.check(story, context)) {
        const severity = settings.severity[finding.code] ?? 'warning';
        if (severity !== 'off') findings.push({ ...finding, severity });
      }
    }
  }
  return findings.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}
