import type * as ts from 'typescript';

import type { TextEdit } from '../types';
import type { FrameworkResolver, ImportBinding } from './framework-refs';
import { ImportPlan } from './imports';
import type { TableEntry } from './tables';

type Tsm = typeof ts;

/** One use of an outdated API in a file. */
export interface OutdatedSite {
  entry: TableEntry;
  start: number;
  end: number;
  /** What is outdated here, in one line (without the release and the way out). */
  message: string;
  /** The edits that migrate this site (import changes included); absent when a person must. */
  fix?: TextEdit[];
  /** What a person does here. */
  manual?: string;
}

interface PendingSite {
  entry: TableEntry;
  start: number;
  end: number;
  message: string;
  edits?: TextEdit[];
  manual?: string;
}

/**
 * Collects the sites of the entries a file meets. Per site (the lint rule): every site carries a
 * fix of its own, with its own import changes, so a fix can be applied alone. Combined (the
 * codemod): the edits of every site of one entry form one change to the file, and an import is
 * dropped once all its references are rewritten.
 */
export class SiteCollector {
  readonly sites: OutdatedSite[] = [];
  private readonly pending: PendingSite[] = [];
  private shared: ImportPlan | undefined;
  private current: ImportPlan | undefined;
  /** References rewritten, per binding: in this site (per-site mode) or so far (combined). */
  private rewritten = new Map<ImportBinding, Set<ts.Node>>();
  private readonly referenceCounts = new Map<ImportBinding, number>();

  constructor(
    readonly tsm: Tsm,
    readonly sourceFile: ts.SourceFile,
    readonly checker: ts.TypeChecker | undefined,
    readonly resolver: FrameworkResolver,
    readonly combined: boolean,
  ) {}

  /** The import plan the site being built writes into. */
  plan(): ImportPlan {
    if (this.combined) return (this.shared ??= new ImportPlan(this.tsm, this.sourceFile, this.resolver));
    return (this.current ??= new ImportPlan(this.tsm, this.sourceFile, this.resolver));
  }

  /** A reference of `binding` rewritten by the site being built (its import may go). */
  rewrote(binding: ImportBinding, node: ts.Node): void {
    const set = this.rewritten.get(binding) ?? new Set();
    set.add(node);
    this.rewritten.set(binding, set);
  }

  /** Drops a binding's import now (its every use is rewritten by the site). */
  drop(binding: ImportBinding): void {
    this.plan().drop(binding);
  }

  report(site: PendingSite): void {
    // An edit that writes what is there already would only widen the fix's range.
    if (site.edits) site = { ...site, edits: site.edits.filter((e) => this.sourceFile.text.slice(e.start, e.end) !== e.newText) };
    if (this.combined) {
      this.pending.push(site);
      return;
    }
    let fix: TextEdit[] | undefined;
    if (site.edits && !site.manual) {
      const plan = this.plan();
      for (const [binding, nodes] of this.rewritten) if (nodes.size >= this.referenceCount(binding)) plan.drop(binding);
      fix = [...site.edits, ...plan.edits()];
    }
    this.sites.push({ entry: site.entry, start: site.start, end: site.end, message: site.message, fix, manual: site.manual });
    this.current = undefined;
    this.rewritten = new Map();
  }

  /** A site that could not be finished: nothing it planned is kept. */
  abandon(): void {
    if (!this.combined) {
      this.current = undefined;
      this.rewritten = new Map();
    }
  }

  /** Combined mode: every site, and the edits of all of them with one set of import changes. */
  finish(): { sites: OutdatedSite[]; edits: TextEdit[] } {
    if (!this.combined) return { sites: this.sites, edits: [] };
    const plan = this.plan();
    for (const [binding, nodes] of this.rewritten) if (nodes.size >= this.referenceCount(binding)) plan.drop(binding);
    const edits = this.pending.flatMap((s) => (s.manual ? [] : (s.edits ?? [])));
    const sites = this.pending.map((s) => ({
      entry: s.entry,
      start: s.start,
      end: s.end,
      message: s.message,
      fix: s.manual ? undefined : (s.edits ?? []),
      manual: s.manual,
    }));
    return { sites, edits: [...edits, ...plan.edits()] };
  }

  /** How many references a binding has in the file (its import aside). */
  referenceCount(binding: ImportBinding): number {
    let count = this.referenceCounts.get(binding);
    if (count === undefined) {
      count = referencesOf(this.tsm, this.sourceFile, this.resolver, binding).length;
      this.referenceCounts.set(binding, count);
    }
    return count;
  }
}

/** Identifiers that use `binding` (the import itself, member names and object keys aside). */
export function referencesOf(tsm: Tsm, sourceFile: ts.SourceFile, resolver: FrameworkResolver, binding: ImportBinding): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (node === binding.statement) return;
    if (tsm.isIdentifier(node) && node.text === binding.local && isReference(tsm, node) && resolver.bindingOf(node) === binding)
      found.push(node);
    tsm.forEachChild(node, visit);
  };
  if (sourceFile.text.includes(binding.local)) visit(sourceFile);
  return found;
}

/** Is this identifier a use of a name (not a member name, a key, or a declaration's own name)? */
export function isReference(tsm: Tsm, node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (tsm.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (tsm.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (tsm.isPropertyAssignment(parent) ||
      tsm.isPropertyDeclaration(parent) ||
      tsm.isPropertySignature(parent) ||
      tsm.isMethodDeclaration(parent) ||
      tsm.isMethodSignature(parent) ||
      tsm.isGetAccessor(parent) ||
      tsm.isSetAccessor(parent) ||
      tsm.isEnumMember(parent)) &&
    parent.name === node
  )
    return false;
  if (tsm.isBindingElement(parent) && parent.propertyName === node) return false;
  if (tsm.isExportSpecifier(parent))
    return parent.parent.parent.moduleSpecifier === undefined && (parent.propertyName ?? parent.name) === node;
  if (tsm.isImportSpecifier(parent) || tsm.isImportClause(parent) || tsm.isNamespaceImport(parent)) return false;
  if (tsm.isJsxAttribute(parent) && parent.name === node) return false;
  if (
    (tsm.isFunctionDeclaration(parent) ||
      tsm.isClassDeclaration(parent) ||
      tsm.isInterfaceDeclaration(parent) ||
      tsm.isTypeAliasDeclaration(parent) ||
      tsm.isVariableDeclaration(parent) ||
      tsm.isParameter(parent) ||
      tsm.isTypeParameterDeclaration(parent)) &&
    parent.name === node
  )
    return false;
  if (tsm.isLabeledStatement(parent) || tsm.isBreakOrContinueStatement(parent)) return false;
  return true;
}

/** The text to put in place of a reference to write `replacement` (a shorthand `{ x }` keeps its key). */
export function referenceReplacement(tsm: Tsm, node: ts.Identifier, replacement: string): { start: number; end: number; newText: string } {
  const parent = node.parent;
  if (tsm.isShorthandPropertyAssignment(parent) && parent.name === node)
    return { start: node.getStart(), end: node.end, newText: `${node.text}: ${replacement}` };
  if (tsm.isExportSpecifier(parent) && !parent.propertyName)
    return { start: node.getStart(), end: node.end, newText: `${replacement} as ${node.text}` };
  return { start: node.getStart(), end: node.end, newText: replacement };
}
