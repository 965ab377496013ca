// Reads the framework's git history and writes, per release, the facts the upgrade tables are
// reviewed against: which exported names each package lost, gained or moved, which exported
// signatures and type members changed, and (for the release that replaced the hand-written action
// types) which action requester stands in for each removed action-type name.
//
//   node scripts/release-facts.mjs --framework <quidproquo git repository> [--out contracts/releases/facts]
//
// The repository may be a clone or a bare mirror. Releases are its tags named like `0.1.8`; the
// newest commit of its default branch is recorded as the unreleased `next`. Only names, module
// paths, signatures and release numbers are written; the reviewed tables (contracts/src/releases)
// are checked against these files by the tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    framework: { type: 'string' },
    out: { type: 'string', default: join(REPO_ROOT, 'contracts', 'releases', 'facts') },
    head: { type: 'string', default: 'HEAD' },
    // Prints the exports of one revision (name, package, kind, signature) instead of writing facts.
    print: { type: 'string' },
  },
});
if (!values.framework) {
  console.error('usage: node scripts/release-facts.mjs --framework <quidproquo git repository> [--out <dir>]');
  process.exit(2);
}

const gitDir = execFileSync('git', ['-C', resolve(values.framework), 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });

// ---------- reading trees

/** path -> blob id, for the framework's package sources at one revision. */
function treeOf(revision) {
  const files = new Map();
  for (const line of git('ls-tree', '-r', revision).split('\n')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
    if (match && /^quidproquo[^/]*\//.test(match[2])) files.set(match[2], match[1]);
  }
  return files;
}

const blobText = new Map();
function readBlobs(ids) {
  const missing = [...new Set(ids)].filter((id) => !blobText.has(id));
  if (missing.length === 0) return;
  const result = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${missing.join('\n')}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const out = result.stdout;
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(10, at);
    const [id, , size] = out.subarray(at, headerEnd).toString('utf8').split(' ');
    const start = headerEnd + 1;
    blobText.set(id, out.subarray(start, start + Number(size)).toString('utf8'));
    at = start + Number(size) + 1;
  }
}

const parsed = new Map();
function sourceOf(tree, file) {
  const id = tree.get(file);
  if (!id) return undefined;
  if (!parsed.has(id)) {
    readBlobs([id]);
    parsed.set(
      id,
      ts.createSourceFile(
        file,
        blobText.get(id),
        ts.ScriptTarget.Latest,
        true,
        file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      ),
    );
  }
  return parsed.get(id);
}

/** The framework packages at one revision: folder -> { name, entry }. */
function packagesOf(tree) {
  const packages = new Map();
  for (const [file, id] of tree) {
    const match = /^([^/]+)\/package\.json$/.exec(file);
    if (!match) continue;
    readBlobs([id]);
    let json;
    try {
      json = JSON.parse(blobText.get(id));
    } catch {
      continue;
    }
    if (typeof json.name !== 'string' || !/^(quidproquo(-[a-z0-9-]+)?|@quidproquo\/[a-z0-9-]+)$/.test(json.name)) continue;
    const entry = ['src/index.ts', 'src/index.tsx'].map((e) => `${match[1]}/${e}`).find((e) => tree.has(e));
    if (entry) packages.set(match[1], { name: json.name, entry });
  }
  return packages;
}

function resolveRelative(tree, fromFile, specifier) {
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier.replace(/\.(js|jsx|mjs|cjs)$/, '')));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.d.ts`, `${base}/index.ts`, `${base}/index.tsx`])
    if (tree.has(candidate)) return candidate;
  return undefined;
}

// ---------- what a declaration looks like

/** Text without comments, on one line. */
const squash = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([([{<]) /g, '$1')
    .replace(/ ([)\]}>])/g, '$1')
    .replace(/[,;] ?([)\]}>])/g, '$1')
    .trim();
const hasModifier = (node, kind) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((m) => m.kind === kind) ?? false;

/** `*<T>(a: A, b?: B): R`: type parameters, parameters (a default makes one optional) and the declared return type. */
function signatureOf(node, sf) {
  const typeParameters = node.typeParameters ? `<${node.typeParameters.map((p) => squash(p.getText(sf))).join(', ')}>` : '';
  const parameters = node.parameters.map(
    (p) =>
      `${p.dotDotDotToken ? '...' : ''}${squash(p.name.getText(sf))}${p.questionToken || p.initializer ? '?' : ''}${p.type ? `: ${squash(p.type.getText(sf))}` : ''}`,
  );
  const returned = node.type ? `: ${squash(node.type.getText(sf))}` : '';
  return `${node.asteriskToken ? '*' : ''}${typeParameters}(${parameters.join(', ')})${returned}`;
}

function membersOf(node) {
  const members = node && (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) ? node.members : undefined;
  if (!members) return undefined;
  return members
    .filter((m) => m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)))
    .map((m) => `${m.name.text}${m.questionToken ? '?' : ''}`);
}

/** What one exported declaration is: kind, and its signature or members where it has them. */
function describe(node, sf) {
  if (ts.isFunctionDeclaration(node)) return { kind: 'function', signature: signatureOf(node, sf) };
  if (ts.isClassDeclaration(node)) return { kind: 'class' };
  if (ts.isInterfaceDeclaration(node)) return { kind: 'interface', members: membersOf(node) };
  if (ts.isEnumDeclaration(node)) return { kind: 'enum', members: node.members.map((m) => m.name.getText(sf)) };
  if (ts.isTypeAliasDeclaration(node)) {
    const type = node.type;
    return {
      kind: 'type',
      ...(ts.isTypeLiteralNode(type) ? { members: membersOf(type) } : { type: squash(type.getText(sf)).slice(0, 300) }),
    };
  }
  if (ts.isModuleDeclaration(node)) return { kind: 'namespace' };
  if (ts.isVariableDeclaration(node)) {
    let init = node.initializer;
    while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)))
      init = init.expression;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return { kind: 'function', signature: signatureOf(init, sf) };
    if (init && ts.isCallExpression(init)) {
      const callee = init.expression.getText(sf).replace(/\s+/g, '');
      return { kind: 'const', ...(node.type ? { type: squash(node.type.getText(sf)) } : {}), from: callee.slice(0, 80) };
    }
    return { kind: 'const', ...(node.type ? { type: squash(node.type.getText(sf)).slice(0, 300) } : {}) };
  }
  return { kind: 'other' };
}

// ---------- exports of one package

/**
 * Every name a package's entry exports, following `export *`, `export { } from`, and local
 * `import` + `export { }` chains; `export * from '<other package>'` is recorded as a re-export.
 */
function exportsOfPackage(tree, entry, depthOfNamespaces = 0) {
  const names = new Map();
  const reexportedPackages = new Set();
  const visiting = new Set();

  const declarationsIn = (file) => {
    const sf = sourceOf(tree, file);
    const local = new Map();
    if (!sf) return local;
    for (const statement of sf.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) local.set(d.name.text, d);
        continue;
      }
      const named =
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement);
      // The first declaration of a name wins (overloads: the first signature; a value and a type of one name: the value).
      if (named && statement.name && ts.isIdentifier(statement.name) && !local.has(statement.name.text))
        local.set(statement.name.text, statement);
    }
    return local;
  };

  /** Finds what `name` is in `file` (declared there, imported into it, or re-exported by it). */
  const lookup = (file, name, depth = 0) => {
    if (depth > 12) return undefined;
    const sf = sourceOf(tree, file);
    if (!sf) return undefined;
    const local = declarationsIn(file).get(name);
    if (local) return { file, ...describe(local, sf) };
    for (const statement of sf.statements) {
      if (
        ts.isImportDeclaration(statement) &&
        statement.importClause?.namedBindings &&
        ts.isNamedImports(statement.importClause.namedBindings)
      ) {
        const element = statement.importClause.namedBindings.elements.find((e) => e.name.text === name);
        if (element && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')) {
          const target = resolveRelative(tree, file, statement.moduleSpecifier.text);
          if (target) return lookup(target, (element.propertyName ?? element.name).text, depth + 1);
        }
      }
      if (
        ts.isExportDeclaration(statement) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        statement.moduleSpecifier.text.startsWith('.')
      ) {
        const target = resolveRelative(tree, file, statement.moduleSpecifier.text);
        if (!target) continue;
        if (!statement.exportClause) {
          const found = lookup(target, name, depth + 1);
          if (found) return found;
        } else if (ts.isNamedExports(statement.exportClause)) {
          const element = statement.exportClause.elements.find((e) => e.name.text === name);
          if (element) return lookup(target, (element.propertyName ?? element.name).text, depth + 1);
        }
      }
    }
    return undefined;
  };

  const add = (name, info) => {
    if (!names.has(name)) names.set(name, info ?? { kind: 'unknown' });
  };

  /** The members of a namespace export or of a util object, as `ns.member` names. */
  const addMembers = (namespace, file) => {
    if (!file) return;
    const nested = exportsOfPackage(tree, file, depthOfNamespaces + 1);
    for (const [member, info] of nested.names) if (!member.includes('.')) add(`${namespace}.${member}`, info);
  };

  /** `export const utils = { ...moreUtils, a, b: c }`: its members, where the literal says what they are. */
  const addObjectMembers = (namespace, object, file, sf) => {
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
        const imported = namespaceImportTarget(sf, file, property.expression.text);
        if (imported) addMembers(namespace, imported);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        add(`${namespace}.${property.name.text}`, lookup(file, property.name.text));
      } else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        const value = property.initializer;
        if (ts.isIdentifier(value)) add(`${namespace}.${property.name.text}`, lookup(file, value.text));
        else if (ts.isArrowFunction(value) || ts.isFunctionExpression(value))
          add(`${namespace}.${property.name.text}`, { file, kind: 'function', signature: signatureOf(value, sf) });
      } else if (ts.isMethodDeclaration(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        add(`${namespace}.${property.name.text}`, { file, kind: 'function', signature: signatureOf(property, sf) });
      }
    }
  };

  const namespaceImportTarget = (sf, file, local) => {
    for (const statement of sf.statements) {
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (
        bindings &&
        ts.isNamespaceImport(bindings) &&
        bindings.name.text === local &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        statement.moduleSpecifier.text.startsWith('.')
      ) {
        return resolveRelative(tree, file, statement.moduleSpecifier.text);
      }
    }
    return undefined;
  };

  const visit = (file, depth = 0) => {
    if (visiting.has(file) || depth > 20) return;
    visiting.add(file);
    const sf = sourceOf(tree, file);
    if (!sf) return;
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement)) {
        const specifier =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        if (specifier !== undefined && !specifier.startsWith('.')) {
          if (!statement.exportClause) reexportedPackages.add(specifier);
          else if (ts.isNamedExports(statement.exportClause))
            for (const e of statement.exportClause.elements) add(e.name.text, { kind: 'reexport', from: specifier });
          continue;
        }
        const target = specifier !== undefined ? resolveRelative(tree, file, specifier) : undefined;
        if (!statement.exportClause) {
          if (target) visit(target, depth + 1);
        } else if (ts.isNamespaceExport(statement.exportClause)) {
          add(statement.exportClause.name.text, { kind: 'namespace', file: target });
          if (depthOfNamespaces === 0) addMembers(statement.exportClause.name.text, target);
        } else {
          for (const e of statement.exportClause.elements) {
            const original = (e.propertyName ?? e.name).text;
            add(e.name.text, target ? lookup(target, original) : lookup(file, original));
          }
        }
        continue;
      }
      if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword) || hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) continue;
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (!ts.isIdentifier(d.name)) continue;
          add(d.name.text, { file, ...describe(d, sf) });
          let init = d.initializer;
          while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)))
            init = init.expression;
          if (init && ts.isObjectLiteralExpression(init) && depthOfNamespaces === 0) addObjectMembers(d.name.text, init, file, sf);
        }
      } else if (statement.name && ts.isIdentifier(statement.name)) {
        add(statement.name.text, { file, ...describe(statement, sf) });
      }
    }
  };
  visit(entry);
  return { names, reexportedPackages: [...reexportedPackages].sort() };
}

// ---------- one snapshot per revision

function snapshot(revision) {
  const tree = treeOf(revision);
  // Read every package source in one batch: most blobs are shared between revisions.
  readBlobs([...tree].filter(([file]) => /\/src\/.*\.tsx?$/.test(file)).map(([, id]) => id));
  const packages = packagesOf(tree);
  const result = new Map();
  for (const [folder, { name, entry }] of packages) {
    const { names, reexportedPackages } = exportsOfPackage(tree, entry);
    for (const info of names.values()) if (info.file) info.module = info.file.slice(folder.length + 1);
    result.set(name, { names, reexportedPackages, folder });
  }
  return {
    revision,
    commit: git('rev-parse', `${revision}^{commit}`).trim(),
    date: git('log', '-1', '--format=%cs', revision).trim(),
    tree,
    packages: result,
  };
}

const clean = (info) => {
  const out = { kind: info.kind };
  for (const key of ['module', 'signature', 'members', 'type', 'from']) if (info[key] !== undefined) out[key] = info[key];
  return out;
};

function diff(before, after) {
  const packages = {};
  const removedAll = [];
  const addedAll = new Map();
  for (const pkg of new Set([...before.packages.keys(), ...after.packages.keys()])) {
    const old = before.packages.get(pkg);
    const now = after.packages.get(pkg);
    const entry = { removed: [], added: [], changed: [] };
    if (!old) entry.newPackage = true;
    if (!now) entry.removedPackage = true;
    for (const [name, info] of old?.names ?? []) {
      if (!now?.names.has(name)) {
        entry.removed.push({ name, ...clean(info) });
        removedAll.push({ pkg, name, info });
        continue;
      }
      const next = now.names.get(name);
      const change = {};
      if (info.kind !== next.kind && !(info.kind === 'unknown' || next.kind === 'unknown')) change.kind = [info.kind, next.kind];
      if ((info.signature ?? null) !== (next.signature ?? null) && (info.signature || next.signature))
        change.signature = [info.signature ?? null, next.signature ?? null];
      if (info.members && next.members) {
        const oldMembers = new Set(info.members);
        const newMembers = new Set(next.members);
        const bare = (m) => m.replace(/\?$/, '');
        const oldBare = new Set(info.members.map(bare));
        const membersAdded = next.members.filter((m) => !oldMembers.has(m) && !oldBare.has(bare(m)));
        const membersRemoved = info.members.filter((m) => !newMembers.has(m) && !next.members.map(bare).includes(bare(m)));
        const nowRequired = next.members.filter((m) => !m.endsWith('?') && oldMembers.has(`${m}?`));
        const nowOptional = next.members.filter((m) => m.endsWith('?') && oldMembers.has(bare(m)));
        if (membersAdded.length || membersRemoved.length || nowRequired.length || nowOptional.length) {
          change.members = {
            ...(membersAdded.length ? { added: membersAdded } : {}),
            ...(membersRemoved.length ? { removed: membersRemoved } : {}),
            ...(nowRequired.length ? { nowRequired } : {}),
            ...(nowOptional.length ? { nowOptional } : {}),
          };
        }
      }
      if (info.module !== next.module && info.module && next.module) change.module = [info.module, next.module];
      if (Object.keys(change).length > 0) entry.changed.push({ name, ...change });
    }
    for (const [name, info] of now?.names ?? []) {
      if (!old?.names.has(name)) {
        entry.added.push(name);
        addedAll.set(`${pkg}\u0000${name}`, info);
      }
    }
    const reexportsBefore = old?.reexportedPackages ?? [];
    const reexportsAfter = now?.reexportedPackages ?? [];
    if (reexportsBefore.join() !== reexportsAfter.join()) entry.reexportedPackages = [reexportsBefore, reexportsAfter];
    entry.removed.sort((a, b) => a.name.localeCompare(b.name));
    entry.added.sort();
    entry.changed.sort((a, b) => a.name.localeCompare(b.name));
    if (
      entry.removed.length ||
      entry.added.length ||
      entry.changed.length ||
      entry.newPackage ||
      entry.removedPackage ||
      entry.reexportedPackages
    )
      packages[pkg] = entry;
  }
  // A name that left one package and arrived in another in the same release moved.
  const moved = [];
  for (const { pkg, name } of removedAll) {
    const targets = [...after.packages.keys()].filter((p) => p !== pkg && addedAll.has(`${p}\u0000${name}`));
    if (targets.length > 0) moved.push({ name, from: pkg, to: targets.sort() });
  }
  moved.sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name));
  return { packages, moved };
}

// ---------- action-type names replaced by requesters

const ACTION_TYPE_NAME = /^(\w+?)(ErrorTypeEnum|ActionPayload|ActionProcessor|ActionRequester|Action)$/;

/**
 * For a release that removed the hand-written action types: each removed `X*` name with the
 * requester that replaces it, read from the previous release's type aliases and requesters, and
 * the requester's form in the new release (a factory, or a story over an exported `…Base` factory).
 */
function actionTypeNames(before, after, removed) {
  const rows = [];
  const unmapped = [];
  for (const [pkg, { folder }] of before.packages) {
    const removedHere = removed.filter((r) => r.pkg === pkg && ACTION_TYPE_NAME.test(r.name));
    if (removedHere.length === 0) continue;
    // Declarations of the previous release, by name, within this package.
    const decls = new Map();
    const requesterOf = new Map(); // XActionRequester -> askX
    const actionTypeOfRequester = new Map(); // askX -> `XActionType.Y` text
    const enumActionType = new Map(); // XErrorTypeEnum -> `XActionType.Y` text
    for (const [file] of before.tree) {
      if (!file.startsWith(`${folder}/src/`) || !/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const sf = sourceOf(before.tree, file);
      for (const statement of sf.statements) {
        if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && ts.isIdentifier(statement.name))
          decls.set(statement.name.text, { node: statement, sf });
        if (
          ts.isFunctionDeclaration(statement) &&
          statement.asteriskToken &&
          statement.name &&
          statement.type &&
          ts.isTypeReferenceNode(statement.type)
        ) {
          requesterOf.set(statement.type.typeName.getText(sf), statement.name.text);
          const yielded = findYieldedType(statement, sf);
          if (yielded) actionTypeOfRequester.set(statement.name.text, yielded);
        }
        if (ts.isVariableStatement(statement)) {
          for (const d of statement.declarationList.declarations) {
            if (
              ts.isIdentifier(d.name) &&
              d.initializer &&
              ts.isCallExpression(d.initializer) &&
              d.initializer.expression.getText(sf) === 'createErrorEnumForAction' &&
              d.initializer.arguments[0]
            ) {
              enumActionType.set(d.name.text, squash(d.initializer.arguments[0].getText(sf)));
            }
          }
        }
      }
    }
    const typeArgsOf = (aliasName) => {
      const decl = decls.get(aliasName);
      if (!decl || !ts.isTypeAliasDeclaration(decl.node) || !ts.isTypeReferenceNode(decl.node.type)) return undefined;
      const args = decl.node.type.typeArguments ?? [];
      return {
        base: decl.node.type.typeName.getText(decl.sf),
        action: args[0] && ts.isTypeReferenceNode(args[0]) ? args[0].typeName.getText(decl.sf) : undefined,
        result: args[1] ? squash(args[1].getText(decl.sf)) : 'void',
        typeParameters: (decl.node.typeParameters ?? []).map((p) => p.name.text),
      };
    };
    // XAction -> requester, through XActionRequester = ActionRequester<XAction, R>.
    const requesterOfAction = new Map();
    const resultOfAction = new Map();
    for (const [alias, ask] of requesterOf) {
      const shape = typeArgsOf(alias);
      if (shape?.base === 'ActionRequester' && shape.action) {
        requesterOfAction.set(shape.action, ask);
        resultOfAction.set(shape.action, { result: shape.result, typeParameters: shape.typeParameters });
      }
    }
    const payloadOwner = new Map(); // XActionPayload -> XAction
    for (const [name, decl] of decls) {
      if (!ts.isInterfaceDeclaration(decl.node)) continue;
      for (const clause of decl.node.heritageClauses ?? []) {
        for (const t of clause.types) {
          const arg = t.typeArguments?.[0];
          if (t.expression.getText(decl.sf) === 'Action' && arg && ts.isTypeReferenceNode(arg))
            payloadOwner.set(arg.typeName.getText(decl.sf), name);
        }
      }
    }
    const newNames = after.packages.get(pkg)?.names ?? new Map();
    const formOf = (ask) => {
      const base = `${ask}Base`;
      if (newNames.has(base)) return { base };
      const info = newNames.get(ask);
      if (!info) return undefined;
      return { base: ask };
    };
    for (const { name } of removedHere) {
      const kind = ACTION_TYPE_NAME.exec(name)[2];
      let ask;
      let action;
      if (kind === 'ErrorTypeEnum') {
        const type = enumActionType.get(name);
        const candidates = [...actionTypeOfRequester].filter(([, t]) => t === type).map(([a]) => a);
        ask = candidates.length === 1 ? candidates[0] : candidates.find((a) => `${a.replace(/^ask/, '')}ErrorTypeEnum` === name);
      } else if (kind === 'Action') {
        action = name;
        ask = requesterOfAction.get(name);
      } else if (kind === 'ActionPayload') {
        action = payloadOwner.get(name);
        ask = action && requesterOfAction.get(action);
      } else {
        const shape = typeArgsOf(name);
        action = shape?.action;
        ask =
          kind === 'ActionRequester'
            ? (requesterOf.get(name) ?? (action && requesterOfAction.get(action)))
            : action && requesterOfAction.get(action);
      }
      const form = ask ? formOf(ask) : undefined;
      if (!ask || !form) {
        unmapped.push({
          package: pkg,
          name,
          reason: !ask ? 'no requester found for it in the previous release' : `${ask} is not exported by the new release`,
        });
        continue;
      }
      const row = {
        package: pkg,
        name,
        kind: {
          ErrorTypeEnum: 'errorEnum',
          Action: 'action',
          ActionPayload: 'payload',
          ActionProcessor: 'processor',
          ActionRequester: 'requester',
        }[kind],
        requester: ask,
        base: form.base,
      };
      if (kind === 'ActionRequester') {
        const shape = typeArgsOf(name);
        row.result = shape?.result ?? resultOfAction.get(action)?.result ?? 'void';
        if (shape?.typeParameters.length) row.typeParameters = shape.typeParameters;
        // Names the result type needs: exported by the new release, or the row cannot be used as is.
        const needed = typeNamesIn(row.result).filter((n) => !(row.typeParameters ?? []).includes(n) && !GLOBAL_TYPES.has(n));
        const owners = needed.map((n) => ({
          name: n,
          package: newNames.has(n) ? pkg : [...after.packages].find(([, p]) => p.names.has(n))?.[0],
        }));
        if (owners.length > 0) row.resultImports = owners.filter((o) => o.package).map((o) => ({ package: o.package, name: o.name }));
        const missing = owners.filter((o) => !o.package).map((o) => o.name);
        if (missing.length > 0) row.resultMissing = missing;
      }
      rows.push(row);
    }
  }
  rows.sort((a, b) => a.package.localeCompare(b.package) || a.name.localeCompare(b.name));
  unmapped.sort((a, b) => a.package.localeCompare(b.package) || a.name.localeCompare(b.name));
  return { rows, unmapped };
}

const GLOBAL_TYPES = new Set([
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Array',
  'Promise',
  'Date',
  'Uint8Array',
  'ArrayBuffer',
  'Map',
  'Set',
  'Error',
]);

/** The type names a type's text refers to (`StreamHandle<'json', AiStreamPart>` -> StreamHandle, AiStreamPart). */
function typeNamesIn(text) {
  const sf = ts.createSourceFile('t.ts', `type T = ${text};`, ts.ScriptTarget.Latest, true);
  const names = new Set();
  const visit = (node) => {
    if (ts.isTypeReferenceNode(node)) names.add(node.typeName.getText(sf).split('.')[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...names];
}

function findYieldedType(fn, sf) {
  let found;
  const visit = (node) => {
    if (found) return;
    if (ts.isYieldExpression(node) && !node.asteriskToken && node.expression && ts.isObjectLiteralExpression(node.expression)) {
      const type = node.expression.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'type');
      if (type) found = squash(type.initializer.getText(sf));
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

// ---------- main

const tags = git('tag', '--list')
  .split('\n')
  .filter((t) => /^\d+\.\d+\.\d+$/.test(t))
  .sort((a, b) => {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  });
if (values.print) {
  for (const [pkg, { names }] of snapshot(values.print).packages) {
    for (const [name, info] of names)
      console.log(`${pkg}\t${name}\t${info.kind}\t${info.signature ?? info.members?.join(',') ?? info.type ?? ''}`);
  }
  process.exit(0);
}
const revisions = [...tags.map((tag) => ({ release: tag, revision: tag })), { release: 'next', revision: values.head }];
mkdirSync(values.out, { recursive: true });
// package -> name -> [first release exporting it, last release exporting it (null: still at next)]
const lifetimes = {};
let previous;
for (const { release, revision } of revisions) {
  const current = snapshot(revision);
  for (const [pkg, { names }] of current.packages) {
    lifetimes[pkg] ??= {};
    for (const name of names.keys()) {
      const span = (lifetimes[pkg][name] ??= [release, release]);
      span[1] = release;
    }
  }
  const counts = [...current.packages.values()].reduce((n, p) => n + p.names.size, 0);
  if (previous) {
    const { packages, moved } = diff(previous.snapshot, current);
    const removed = Object.entries(packages).flatMap(([pkg, e]) => e.removed.map((r) => ({ pkg, name: r.name })));
    const facts = {
      release,
      previous: previous.release,
      commit: current.commit,
      date: current.date,
      packageVersions: Object.fromEntries(
        [...current.packages.keys()].sort().map((pkg) => [pkg, versionAt(current.tree, current.packages.get(pkg).folder)]),
      ),
      packages: Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b))),
      moved,
    };
    const actions = actionTypeNames(previous.snapshot, current, removed);
    if (actions.rows.length > 0) facts.actionTypeNames = actions;
    writeFileSync(join(values.out, `${release}.json`), `${JSON.stringify(facts, null, 1)}\n`);
    console.log(
      `${release} (from ${previous.release}): ${removed.length} removed, ${moved.length} moved, ${actions.rows.length} action-type names mapped, ${actions.unmapped.length} unmapped; ${counts} exports`,
    );
  } else {
    console.log(`${release}: ${counts} exports (baseline)`);
  }
  previous = { release, snapshot: current };
}

function versionAt(tree, folder) {
  const id = tree.get(`${folder}/package.json`);
  readBlobs([id]);
  try {
    return JSON.parse(blobText.get(id)).version ?? null;
  } catch {
    return null;
  }
}

// Where each name lived, for the tests that check a table entry's old form existed before its release.
for (const names of Object.values(lifetimes)) for (const span of Object.values(names)) if (span[1] === 'next') span[1] = null;
const sortedLifetimes = Object.fromEntries(
  Object.keys(lifetimes)
    .sort()
    .map((pkg) => [
      pkg,
      Object.fromEntries(
        Object.keys(lifetimes[pkg])
          .sort()
          .map((n) => [n, lifetimes[pkg][n]]),
      ),
    ]),
);
writeFileSync(join(values.out, 'exports.json'), `${JSON.stringify(sortedLifetimes)}\n`);
