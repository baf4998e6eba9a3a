import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { markerCompletions } from '../core/features/complete';
import type { Settings } from '../core/settings';
import { toOffset, toRange } from './convert';

export function completions(document: TextDocument, analysis: Analysis, position: Position, settings: Settings): CompletionItem[] {
  const items = markerCompletions(analysis.doc, toOffset(document, position), settings);
  return items.map((item, index) => ({
    label: item.label,
    kind: CompletionItemKind.Snippet,
    detail: item.detail,
    filterText: item.filterText,
    sortText: `${item.isMissing ? '0' : '1'}${String(index).padStart(3, '0')}`,
    preselect: index === 0 && item.isMissing,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(document, item.range), newText: item.snippet },
  }));
}
