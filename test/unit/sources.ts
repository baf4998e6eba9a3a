import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface SourceImport {
  /** `file:line`, the file relative to the folder scanned. */
  where: string;
  module: string;
  /** Erased at compile time (`import type`, or only types named): no such import runs. */
  typeOnly: boolean;
}

export interface SourceCall {
  where: string;
  callee: string;
}

function parsed(folder: string): { file: string; tree: ts.SourceFile }[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .map((file) => ({ file, tree: ts.createSourceFile(file, readFileSync(join(folder, file), 'utf8'), ts.ScriptTarget.Latest, true) }));
}

function whereOf(file: string, tree: ts.SourceFile, node: ts.Node): string {
  return `${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`;
}

/** Every module our TypeScript under `folder` imports or re-exports, statically, with `import()` or `require()`. */
export function sourceImports(folder: string): SourceImport[] {
  const found: SourceImport[] = [];
  for (const { file, tree } of parsed(folder)) {
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        const typeOnly = ts.isImportDeclaration(node)
          ? !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((element) => element.isTypeOnly)))
          : node.isTypeOnly;
        found.push({ where: whereOf(file, tree, node), module: node.moduleSpecifier.text, typeOnly });
      }
      if (ts.isCallExpression(node)) {
        const [first] = node.arguments;
        const loads = node.expression.kind === ts.SyntaxKind.ImportKeyword || node.expression.getText(tree) === 'require';
        if (loads && first && ts.isStringLiteral(first)) found.push({ where: whereOf(file, tree, node), module: first.text, typeOnly: false });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/** Every call and `new` under `folder`, by the text of what is called. */
export function sourceCalls(folder: string): SourceCall[] {
  const found: SourceCall[] = [];
  for (const { file, tree } of parsed(folder)) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) found.push({ where: whereOf(file, tree, node), callee: node.expression.getText(tree) });
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}
