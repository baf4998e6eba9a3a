import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { outline, type OutlineNode } from '../core/features/outline';
import type { Settings } from '../core/settings';
import { toRange } from './convert';

const KIND: Readonly<Record<OutlineNode['kind'], SymbolKind>> = {
  story: SymbolKind.Class,
  section: SymbolKind.Field,
  heading: SymbolKind.String,
};

export function documentSymbols(document: TextDocument, analysis: Analysis, settings: Pick<Settings, 'outline' | 'minWords'>): DocumentSymbol[] {
  const convert = (node: OutlineNode): DocumentSymbol => ({
    name: node.name,
    detail: node.detail,
    kind: KIND[node.kind],
    range: toRange(document, node.range),
    selectionRange: toRange(document, node.selectionRange),
    children: node.children.map(convert),
  });
  return outline(analysis.doc, settings.outline, settings).map(convert);
}
