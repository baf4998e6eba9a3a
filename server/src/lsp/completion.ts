import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { markerCompletions, restCompletion } from '../core/features/complete';
import type { Settings } from '../core/settings';
import { toOffset, toRange } from './convert';

export function completions(document: TextDocument, analysis: Analysis, position: Position, settings: Settings): CompletionItem[] {
  const offset = toOffset(document, position);
  const items = markerCompletions(analysis.doc, offset, settings);
  const rest = restCompletion(analysis.doc, offset);
  const markers = items.map((item, index): CompletionItem => ({
    label: item.label,
    kind: CompletionItemKind.Snippet,
    detail: item.detail,
    filterText: item.filterText,
    sortText: `${item.isMissing ? '0' : '1'}${String(index).padStart(3, '0')}`,
    preselect: index === 0 && item.isMissing,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(document, item.range), newText: item.snippet },
  }));
  if (!rest) return markers;
  // After the single missing sections, before the other names for them.
  const whole: CompletionItem = {
    label: rest.label,
    kind: CompletionItemKind.Snippet,
    detail: rest.detail,
    sortText: '0999',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(document, rest.range), newText: rest.snippet },
  };
  return [...markers, whole];
}
