import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { storyAt, type OffsetEdit } from '../core/features/fixes';
import { storyRuleOf } from '../core/rules';
import { SOURCE, toOffset, toOffsets, toRange } from './convert';
import { toDiagnostic } from './diagnostics';

export interface EditCapabilities {
  snippets: boolean;
  documentChanges: boolean;
}

/** A workspace edit for one document, with snippet tab stops where the client takes them. */
export function workspaceEdit(document: TextDocument, edits: readonly OffsetEdit[], capabilities: EditCapabilities): WorkspaceEdit {
  const useSnippets = capabilities.snippets && capabilities.documentChanges;
  const converted = edits.map((edit): TextEdit | SnippetTextEdit =>
    useSnippets && edit.snippet !== undefined
      ? { range: toRange(document, edit.range), snippet: { kind: 'snippet', value: edit.snippet } }
      : { range: toRange(document, edit.range), newText: edit.text },
  );
  if (capabilities.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, converted)] };
  }
  return { changes: { [document.uri]: converted as TextEdit[] } };
}

/**
 * Quick fixes for STAR diagnostics: insert a missing section, put sections in order.
 * Findings in the requested range count even when the client's context lacks them yet:
 * right after a publish, an editor may ask before it has attached the new diagnostics.
 */
export function starCodeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, capabilities: EditCapabilities): CodeAction[] {
  const [from, to] = toOffsets(document, params.range);
  const candidates = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && typeof diagnostic.code === 'string');
  for (const finding of analysis.findings) {
    const { start } = toRange(document, finding.range);
    const known = candidates.some((d) => d.code === finding.code && d.range.start.line === start.line && d.range.start.character === start.character);
    if (!known && finding.range[0] <= to && from <= finding.range[1]) candidates.push(toDiagnostic(document, finding));
  }

  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const diagnostic of candidates) {
    const at = toOffset(document, diagnostic.range.start);
    const story = storyAt(analysis.doc, at);
    const rule = storyRuleOf(String(diagnostic.code));
    if (!story || !rule?.fixes) continue;
    for (const proposal of rule.fixes({ doc: analysis.doc, story, code: String(diagnostic.code), at })) {
      const key = `${story.range[0]}\n${proposal.title}`;
      if (offered.has(key)) continue;
      offered.add(key);
      actions.push(quickFix(proposal.title, document, proposal.edits, diagnostic, capabilities, proposal.isPreferred));
    }
  }
  return actions;
}

export function quickFix(
  title: string,
  document: TextDocument,
  edits: readonly OffsetEdit[],
  diagnostic: Diagnostic | undefined,
  capabilities: EditCapabilities,
  isPreferred = false,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred,
    edit: workspaceEdit(document, edits, capabilities),
  };
}
