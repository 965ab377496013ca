import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { calleeName } from '../engine/callee-symbol';
import { statementsCanComplete } from '../engine/completion';
import { dedent } from '../engine/dedent';
import { fileMayHoldGenerators, type FunctionScope } from '../engine/file-index';
import { unaliased } from '../engine/imported-symbol';
import { routeBindings, routeKey } from '../engine/route-bindings';
import { skipTransparentWrappers } from '../engine/syntax';
import type { ContractContext, Fix, TextEdit } from '../types';

type Options = Record<string, never>;

const messages = {
  missingResponse:
    'A route story must answer every request: this path {{how}}, and the HTTP adapter then has no response. Return a 204 No Content response.',
  okWithoutBody: 'A 200 response without a body: "no content" is 204 No Content.',
  noContentWithBody: 'A 204 No Content response must not carry a body (HTTP forbids it).',
};

type MessageId = keyof typeof messages;

/** Response helpers whose first argument becomes the body and second is the status (default 200). */
const BODY_HELPERS = new Set(['toJsonEventResponse', 'toTextResponse', 'toHtmlResponse']);
const BODY_HELPER_NAMES = new RegExp([...BODY_HELPERS].join('|'));

export const voidReturns204 = defineContract({
  meta: {
    id: 'void-returns-204',
    diagnosticCode: 990003,
    description: 'Require route stories to answer every request, with 204 No Content when there is nothing to send.',
    rationale:
      'A route story that returns nothing leaves the HTTP adapter without a response: the AWS response transformer reads `.status` and `.body` of `undefined` and the request fails. `toJsonEventResponse(undefined)` answers 200 with no body, which clients read as an empty document; the framework\'s own plan is that "no content" is a 204 No Content. HTTP forbids a body on a 204.',
    type: 'problem',
    recommended: 'error',
    fixable: true,
    hasSuggestions: true,
    typeAware: true,
    behaviourWithoutTypes:
      "A route story is a generator whose declared return type is `AskResponse<HTTPEventResponse>` (or a `Generator` returning `HTTPEventResponse`), or whose first parameter is typed `HTTPEvent`. With type information a generator is also a route story when its return type resolves to a response with `status` and `isBase64Encoded`, whatever it is called, or when it is an exported function that a `defineRoute(method, path, '/module::export')` anywhere in the program names (the runtime string resolved against the config file's directory, the usual `__dirname` config root); and `toJsonEventResponse(x)` is reported when `x` is `void` or `undefined`. A path that ends the story on purpose (`return yield* askThrowError(...)`, or `yield* askThrowError(...)` as a statement) needs no response.",
    readsOtherFiles: 'with-types',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'Every path answers; "no content" is a 204 without a body.',
        code: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          export function* deleteTodo(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            if (!event.query.id) return toJsonEventResponse({ error: 'id?' }, 400);
            return { status: 204, isBase64Encoded: false };
          }
        `,
      },
      {
        note: 'Ending the story with an error is an answer: the adapter maps it to a status.',
        code: dedent`
          import { AskResponse, askThrowError, ErrorTypeEnum } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse } from 'quidproquo-webserver';

          export function* getSecret(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            return yield* askThrowError(ErrorTypeEnum.Forbidden, 'no');
          }
        `,
      },
      {
        note: 'A story that is not a route may return nothing.',
        code: dedent`
          import { AskResponse, askLogCreate, LogLevelEnum } from 'quidproquo-core';

          export function* askAudit(): AskResponse<void> {
            yield* askLogCreate(LogLevelEnum.Info, 'audit');
          }
        `,
      },
    ],
    invalid: [
      {
        note: "Falling off the end: the fix answers 204 with the file's response helper.",
        code: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          export function* touch(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            if (event.path === '/') return toJsonEventResponse({ ok: true });
          }
        `,
        output: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          export function* touch(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            if (event.path === '/') return toJsonEventResponse({ ok: true });
            return toJsonEventResponse(undefined, 204);
          }
        `,
        findings: [{ messageId: 'missingResponse', line: 4, column: 18 }],
      },
      {
        note: 'A bare `return` in a route story; without a helper imported the fix writes the response.',
        code: dedent`
          import { HTTPEvent } from 'quidproquo-webserver';

          export function* ping(event: HTTPEvent) {
            if (event.method === 'HEAD') return;
            return { status: 200, body: 'pong', isBase64Encoded: false };
          }
        `,
        output: dedent`
          import { HTTPEvent } from 'quidproquo-webserver';

          export function* ping(event: HTTPEvent) {
            if (event.method === 'HEAD') return { status: 204, isBase64Encoded: false };
            return { status: 200, body: 'pong', isBase64Encoded: false };
          }
        `,
        findings: [{ messageId: 'missingResponse', line: 4, column: 32 }],
      },
      {
        note: 'A 200 with no body is a 204.',
        code: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse, qpqWebServerUtils } from 'quidproquo-webserver';

          export function* clear(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            if (event.query.all) return qpqWebServerUtils.toJsonEventResponse();
            return { status: 200, isBase64Encoded: false };
          }
        `,
        output: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent, HTTPEventResponse, qpqWebServerUtils } from 'quidproquo-webserver';

          export function* clear(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            if (event.query.all) return qpqWebServerUtils.toJsonEventResponse(undefined, 204);
            return { status: 204, isBase64Encoded: false };
          }
        `,
        findings: [
          { messageId: 'okWithoutBody', line: 5, column: 31 },
          { messageId: 'okWithoutBody', line: 6, column: 10 },
        ],
      },
      {
        note: 'A route story declared to return `void`: the fix declares the response too, so the file still compiles.',
        code: dedent`
          import { askLogCreate, AskResponse, LogLevelEnum } from 'quidproquo-core';
          import { HTTPEvent } from 'quidproquo-webserver';

          export function* ping(event: HTTPEvent): AskResponse<void> {
            yield* askLogCreate(LogLevelEnum.Info, event.path);
          }
        `,
        output: dedent`
          import { askLogCreate, AskResponse, LogLevelEnum } from 'quidproquo-core';
          import { HTTPEvent, type HTTPEventResponse } from 'quidproquo-webserver';

          export function* ping(event: HTTPEvent): AskResponse<HTTPEventResponse> {
            yield* askLogCreate(LogLevelEnum.Info, event.path);
            return { status: 204, isBase64Encoded: false };
          }
        `,
        findings: [{ messageId: 'missingResponse', line: 4, column: 18 }],
      },
      {
        note: 'A declared return type the rule cannot rewrite: the answer is a suggestion, and the type is for you to change.',
        code: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEvent } from 'quidproquo-webserver';

          type Done = AskResponse<void>;

          export function* head(event: HTTPEvent): Done {
            if (event.method === 'HEAD') return;
          }
        `,
        findings: [
          {
            messageId: 'missingResponse',
            line: 6,
            column: 18,
            suggestions: [
              {
                description: 'Return 204 No Content (then make the declared return type allow it)',
                output: dedent`
                  import { AskResponse } from 'quidproquo-core';
                  import { HTTPEvent } from 'quidproquo-webserver';

                  type Done = AskResponse<void>;

                  export function* head(event: HTTPEvent): Done {
                    if (event.method === 'HEAD') return;
                    return { status: 204, isBase64Encoded: false };
                  }
                `,
              },
            ],
          },
          {
            messageId: 'missingResponse',
            line: 7,
            column: 32,
            suggestions: [
              {
                description: 'Return 204 No Content (then make the declared return type allow it)',
                output: dedent`
                  import { AskResponse } from 'quidproquo-core';
                  import { HTTPEvent } from 'quidproquo-webserver';

                  type Done = AskResponse<void>;

                  export function* head(event: HTTPEvent): Done {
                    if (event.method === 'HEAD') return { status: 204, isBase64Encoded: false };
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'A 204 with a body: the suggestion drops the body.',
        code: dedent`
          import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          export function* done(event: HTTPEvent): Generator<never, HTTPEventResponse, unknown> {
            return toJsonEventResponse({ done: true }, 204);
          }
        `,
        findings: [
          {
            messageId: 'noContentWithBody',
            line: 4,
            column: 10,
            suggestions: [
              {
                description: 'Drop the body',
                output: dedent`
                  import { HTTPEvent, HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

                  export function* done(event: HTTPEvent): Generator<never, HTTPEventResponse, unknown> {
                    return toJsonEventResponse(undefined, 204);
                  }
                `,
              },
            ],
          },
        ],
      },
      {
        note: 'With types, an exported story that a `defineRoute` names is a route story, whatever its signature.',
        code: dedent`
          import { askNewGuid } from 'quidproquo-core';
          import { defineRoute } from 'quidproquo-webserver';

          export function* listArchive() {
            yield* askNewGuid();
          }

          export const routes = [defineRoute('GET', '/archive', '/file::listArchive')];
        `,
        output: dedent`
          import { askNewGuid } from 'quidproquo-core';
          import { defineRoute } from 'quidproquo-webserver';

          export function* listArchive() {
            yield* askNewGuid();
            return { status: 204, isBase64Encoded: false };
          }

          export const routes = [defineRoute('GET', '/archive', '/file::listArchive')];
        `,
        typed: true,
        findings: [{ messageId: 'missingResponse', line: 4, column: 18 }],
      },
      {
        note: 'With types, a story is a route by what it returns, and an undefined body is seen through a variable.',
        code: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          type Reply = AskResponse<HTTPEventResponse>;

          export function* health(ready: boolean, nothing: undefined): Reply {
            if (ready) return toJsonEventResponse(nothing);
          }
        `,
        output: dedent`
          import { AskResponse } from 'quidproquo-core';
          import { HTTPEventResponse, toJsonEventResponse } from 'quidproquo-webserver';

          type Reply = AskResponse<HTTPEventResponse>;

          export function* health(ready: boolean, nothing: undefined): Reply {
            if (ready) return toJsonEventResponse(undefined, 204);
            return toJsonEventResponse(undefined, 204);
          }
        `,
        typed: true,
        findings: [
          { messageId: 'missingResponse', line: 6, column: 18 },
          { messageId: 'okWithoutBody', line: 7, column: 21 },
        ],
      },
    ],
  },

  check(context) {
    new RouteResponseCheck(context).run();
  },
});

class RouteResponseCheck {
  constructor(private readonly context: ContractContext<Options, MessageId>) {}

  run(): void {
    const { index, ts: tsm } = this.context;
    // Cheap gates: a file without HTTP words or a body helper has no route story and no response
    // to judge, unless a defineRoute elsewhere in the program may name one of its exports; the
    // checks of responses made anywhere need a helper's name, or the key every response has.
    const text = this.context.sourceFile.text;
    const namesHelper = BODY_HELPER_NAMES.test(text);
    if (!namesHelper && !/HTTPEvent|EventResponse|status/.test(text) && !(this.context.program && /\bexport\b/.test(text))) return;
    if (fileMayHoldGenerators(tsm, this.context.sourceFile))
      for (const scope of index.generators) {
        if (this.isRouteStory(scope)) this.checkRoute(scope);
      }
    if (namesHelper) for (const { node } of index.nodes<ts.CallExpression>(tsm.SyntaxKind.CallExpression)) this.checkHelperCall(node);
    if (text.includes('isBase64Encoded'))
      for (const { node } of index.nodes<ts.ObjectLiteralExpression>(tsm.SyntaxKind.ObjectLiteralExpression))
        this.checkResponseLiteral(node);
  }

  // ---- route stories

  private isRouteStory(scope: FunctionScope): boolean {
    const { ts: tsm } = this.context;
    const fn = scope.node as ts.FunctionLikeDeclaration;
    if (!fn.body || !tsm.isBlock(fn.body)) return false;
    if (fn.type && declaresResponse(tsm, fn.type)) return true;
    const first = fn.parameters[0];
    if (first?.type && tsm.isTypeReferenceNode(first.type) && typeName(tsm, first.type.typeName) === 'HTTPEvent') return true;
    if (this.isBoundByDefineRoute(fn)) return true;
    return this.declaresResponseByType(fn);
  }

  /** Whether the story's declared result is, by its type, an HTTP response (an alias of one, say). */
  private declaresResponseByType(fn: ts.FunctionLikeDeclaration): boolean {
    const { ts: tsm, checker } = this.context;
    if (!checker || !fn.type) return false;
    // `AskResponse<string>`, `Generator<Action, number[], unknown>`: no response, no type query.
    const declared = declaredReturnNode(tsm, fn.type);
    if (declared && (cannotBeResponse(tsm, declared) || declaresNoStatus(tsm, checker, declared))) return false;
    const signature = checker.getSignatureFromDeclaration(fn);
    const returned = signature && this.context.stories.generatorReturnType(checker.getReturnTypeOfSignature(signature));
    return returned !== undefined && isResponseType(checker, returned);
  }

  /** An exported function named by a `defineRoute` runtime string anywhere in the program. */
  private isBoundByDefineRoute(fn: ts.FunctionLikeDeclaration): boolean {
    const { ts: tsm, program, sourceFile } = this.context;
    if (!program || !fn.name || !tsm.isIdentifier(fn.name) || !tsm.isFunctionDeclaration(fn)) return false;
    const exported = tsm.getModifiers(fn)?.some((m) => m.kind === tsm.SyntaxKind.ExportKeyword);
    return exported === true && routeBindings(tsm, program).has(routeKey(sourceFile.fileName, fn.name.text));
  }

  private checkRoute(scope: FunctionScope): void {
    const { ts: tsm } = this.context;
    const fn = scope.node as ts.FunctionLikeDeclaration;
    const body = fn.body as ts.Block;
    const returnType = this.returnTypeEdits(fn);
    const missing = (node: ts.Node, how: string, answer: Fix) => {
      // The response must fit the declared return type, or the fixed file no longer compiles:
      // the fix changes a declared `void` too, and is only offered when the type is unknown.
      if (returnType) this.report('missingResponse', node, { how }, { ...answer, edits: [...returnType, ...answer.edits] });
      else
        this.report('missingResponse', node, { how }, undefined, [
          { ...answer, description: `${answer.description} (then make the declared return type allow it)` },
        ]);
    };
    // The index knows each return's own function: no walk up the tree per return.
    for (const { node, scope } of this.context.index.nodes<ts.ReturnStatement>(tsm.SyntaxKind.ReturnStatement)) {
      if (scope?.node !== fn) continue;
      const value = node.expression && skipTransparentWrappers(tsm, node.expression);
      if (value === undefined) {
        missing(node, 'returns nothing', this.replaceReturn(node));
      } else if (isUndefined(tsm, value)) {
        missing(node, 'returns undefined', this.replaceValue(value));
      }
    }
    // Syntax first: a story whose end is unreachable by its returns alone (most end in `return`)
    // needs no question about the types of its statements.
    const reachesEnd =
      statementsCanComplete(tsm, body.statements, (e) => this.endsStoryBySyntax(e)) &&
      statementsCanComplete(tsm, body.statements, (e) => this.endsStory(e));
    if (reachesEnd) {
      const anchor = (fn.name ?? fn.asteriskToken ?? fn) as ts.Node;
      missing(anchor, 'reaches the end without returning', this.appendReturn(body));
    }
  }

  /**
   * The edits that let the story's declared return type hold a response: none when nothing is
   * declared or the declared type already returns one; `void` or `undefined` in `AskResponse<…>`
   * or `Generator<_, …, _>` becomes `HTTPEventResponse` (imported when the file lacks it);
   * undefined for any other declared type, which only a person can change.
   */
  private returnTypeEdits(fn: ts.FunctionLikeDeclaration): TextEdit[] | undefined {
    const { ts: tsm, sourceFile } = this.context;
    const type = fn.type;
    if (!type || declaresResponse(tsm, type)) return [];
    if (this.declaresResponseByType(fn)) return [];
    const returned = declaredReturnNode(tsm, type);
    if (!returned || (returned.kind !== tsm.SyntaxKind.VoidKeyword && returned.kind !== tsm.SyntaxKind.UndefinedKeyword)) return undefined;
    const response = responseTypeName(tsm, sourceFile);
    return [...response.edits, { start: returned.getStart(sourceFile), end: returned.getEnd(), newText: response.name }];
  }

  /** `yield* askThrowError(...)` ends the story; with types, so does any `never` expression. */
  private endsStory(expression: ts.Expression): boolean {
    const { ts: tsm, checker } = this.context;
    if (this.endsStoryBySyntax(expression)) return true;
    return checker !== undefined && (checker.getTypeAtLocation(expression).flags & tsm.TypeFlags.Never) !== 0;
  }

  private endsStoryBySyntax(expression: ts.Expression): boolean {
    const { ts: tsm } = this.context;
    const operand = tsm.isYieldExpression(expression) && expression.asteriskToken ? expression.expression : undefined;
    if (!operand || !tsm.isCallExpression(operand)) return false;
    return calleeName(tsm, operand.expression) === 'askThrowError';
  }

  // ---- responses anywhere

  private checkHelperCall(call: ts.CallExpression): void {
    const { ts: tsm } = this.context;
    const name = helperName(tsm, call);
    if (!name) return;
    const [body, status] = call.arguments;
    const statusValue = status === undefined ? 200 : numericLiteral(tsm, status);
    if (statusValue === 200 && name === 'toJsonEventResponse' && (body === undefined || isUndefined(tsm, body) || this.isVoidTyped(body))) {
      this.report('okWithoutBody', call, {}, this.helper204(call));
    } else if (statusValue === 204 && body !== undefined && !isUndefined(tsm, body)) {
      this.report('noContentWithBody', call, {}, undefined, [{ ...this.helper204(call), description: 'Drop the body' }]);
    }
  }

  private checkResponseLiteral(literal: ts.ObjectLiteralExpression): void {
    const { ts: tsm, sourceFile } = this.context;
    const status = property(tsm, literal, 'status');
    if (!status || !tsm.isPropertyAssignment(status)) return;
    const statusValue = numericLiteral(tsm, status.initializer);
    if (statusValue !== 200 && statusValue !== 204) return;
    // Only objects that are responses: they carry isBase64Encoded, as every HTTPEventResponse does.
    if (!property(tsm, literal, 'isBase64Encoded')) return;
    const body = property(tsm, literal, 'body');
    const hasBody = body !== undefined && !(tsm.isPropertyAssignment(body) && isUndefined(tsm, body.initializer));
    if (statusValue === 200 && !hasBody) {
      const at = status.initializer;
      this.report(
        'okWithoutBody',
        literal,
        {},
        { description: 'Answer 204 No Content', edits: [{ start: at.getStart(sourceFile), end: at.getEnd(), newText: '204' }] },
      );
    } else if (statusValue === 204 && hasBody) {
      this.report('noContentWithBody', literal, {}, undefined, [
        { description: 'Drop the body', edits: [removalOfProperty(literal, body!, sourceFile)] },
      ]);
    }
  }

  private isVoidTyped(expression: ts.Expression): boolean {
    const { ts: tsm, checker } = this.context;
    if (!checker || tsm.isObjectLiteralExpression(expression) || tsm.isLiteralExpression(expression)) return false;
    const type = checker.getTypeAtLocation(expression);
    return (type.flags & (tsm.TypeFlags.Void | tsm.TypeFlags.Undefined)) !== 0;
  }

  // ---- fixes

  /** `toJsonEventResponse(undefined, 204)` through the file's own import, or a literal. */
  private noContentText(): string {
    const helper = importedHelper(this.context.ts, this.context.sourceFile);
    return helper ? `${helper}(undefined, 204)` : '{ status: 204, isBase64Encoded: false }';
  }

  private helper204(call: ts.CallExpression): Fix {
    const { sourceFile } = this.context;
    const callee = call.expression.getText(sourceFile);
    return {
      description: 'Answer 204 No Content',
      edits: [{ start: call.getStart(sourceFile), end: call.getEnd(), newText: `${callee}(undefined, 204)` }],
    };
  }

  private replaceReturn(statement: ts.ReturnStatement): Fix {
    const start = statement.getStart(this.context.sourceFile) + 'return'.length;
    return { description: 'Return 204 No Content', edits: [{ start, end: start, newText: ` ${this.noContentText()}` }] };
  }

  private replaceValue(value: ts.Expression): Fix {
    return {
      description: 'Return 204 No Content',
      edits: [{ start: value.getStart(this.context.sourceFile), end: value.getEnd(), newText: this.noContentText() }],
    };
  }

  private appendReturn(body: ts.Block): Fix {
    const { sourceFile } = this.context;
    const text = sourceFile.text;
    const closing = body.getEnd() - 1;
    const last = body.statements[body.statements.length - 1];
    const lineStart = text.lastIndexOf('\n', closing - 1) + 1;
    const closingIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const indent = last ? /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', last.getStart(sourceFile)) + 1))![0] : `${closingIndent}  `;
    const insertAt = last ? last.getEnd() : body.getStart(sourceFile) + 1;
    return {
      description: 'Return 204 No Content',
      edits: [{ start: insertAt, end: insertAt, newText: `\n${indent}return ${this.noContentText()};` }],
    };
  }

  private report(messageId: MessageId, node: ts.Node, data: Record<string, string>, fix?: Fix, suggestions?: Fix[]): void {
    this.context.report(messageId, node, data, fix, suggestions);
  }
}

function typeName(tsm: typeof ts, name: ts.EntityName): string {
  return tsm.isIdentifier(name) ? name.text : name.right.text;
}

/** The `T` of a declared `AskResponse<T>` or `Generator<_, T, _>`. */
function declaredReturnNode(tsm: typeof ts, type: ts.TypeNode): ts.TypeNode | undefined {
  if (!tsm.isTypeReferenceNode(type) || !type.typeArguments) return undefined;
  const name = typeName(tsm, type.typeName);
  return name === 'AskResponse' ? type.typeArguments[0] : name === 'Generator' ? type.typeArguments[1] : undefined;
}

/** A declared result that no type can make an HTTP response: a keyword, a literal, an array or a tuple. */
function cannotBeResponse(tsm: typeof ts, type: ts.TypeNode): boolean {
  const SK = tsm.SyntaxKind;
  switch (type.kind) {
    case SK.StringKeyword:
    case SK.NumberKeyword:
    case SK.BooleanKeyword:
    case SK.BigIntKeyword:
    case SK.SymbolKeyword:
    case SK.VoidKeyword:
    case SK.UndefinedKeyword:
    case SK.NeverKeyword:
    case SK.AnyKeyword:
    case SK.UnknownKeyword:
    case SK.ObjectKeyword:
    case SK.LiteralType:
    case SK.ArrayType:
    case SK.TupleType:
      return true;
    default:
      return false;
  }
}

/** `AskResponse<HTTPEventResponse>` or `Generator<_, HTTPEventResponse, _>`, as written. */
function declaresResponse(tsm: typeof ts, type: ts.TypeNode): boolean {
  const returned = declaredReturnNode(tsm, type);
  return returned !== undefined && tsm.isTypeReferenceNode(returned) && typeName(tsm, returned.typeName) === 'HTTPEventResponse';
}

const WEBSERVER_MODULE = /^(?:quidproquo-webserver|@quidproquo\/webserver)$/;

/**
 * How the file names the `HTTPEventResponse` type: its own import (aliased or through a
 * namespace), or a name added to its import from the web server package, or a new type import.
 */
function responseTypeName(tsm: typeof ts, sourceFile: ts.SourceFile): { name: string; edits: TextEdit[] } {
  let named: ts.ImportDeclaration | undefined;
  let lastImport: ts.ImportDeclaration | undefined;
  for (const statement of sourceFile.statements) {
    if (!tsm.isImportDeclaration(statement)) continue;
    lastImport = statement;
    if (!tsm.isStringLiteral(statement.moduleSpecifier) || !WEBSERVER_MODULE.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings) continue;
    if (tsm.isNamespaceImport(bindings)) return { name: `${bindings.name.text}.HTTPEventResponse`, edits: [] };
    const existing = bindings.elements.find((e) => (e.propertyName ?? e.name).text === 'HTTPEventResponse');
    if (existing) return { name: existing.name.text, edits: [] };
    named ??= statement;
  }
  if (named) {
    const bindings = named.importClause!.namedBindings as ts.NamedImports;
    const last = bindings.elements[bindings.elements.length - 1];
    // A type-only import holds types already; otherwise the name is marked, as verbatimModuleSyntax requires.
    const marker = named.importClause!.isTypeOnly ? '' : 'type ';
    if (last)
      return { name: 'HTTPEventResponse', edits: [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${marker}HTTPEventResponse` }] };
  }
  const specifier = named && tsm.isStringLiteral(named.moduleSpecifier) ? named.moduleSpecifier.text : 'quidproquo-webserver';
  const quote = lastImport && sourceFile.text.charAt(lastImport.moduleSpecifier.getStart(sourceFile)) === '"' ? '"' : "'";
  const line = `import type { HTTPEventResponse } from ${quote}${specifier}${quote};`;
  if (lastImport)
    return { name: 'HTTPEventResponse', edits: [{ start: lastImport.getEnd(), end: lastImport.getEnd(), newText: `\n${line}` }] };
  return { name: 'HTTPEventResponse', edits: [{ start: 0, end: 0, newText: `${line}\n` }] };
}

/**
 * A declared result whose declarations show it has no `status`, as every HTTP response has: an
 * object type literal, or a name of interfaces that extend nothing or of an alias of an object
 * type literal, none with a `status` member; a type parameter whose constraint has none (or that
 * has no constraint); a union with a member that has none (a union has only the properties all
 * its members have; `never` is no member). Told from the declarations, not by resolving the type.
 */
function declaresNoStatus(tsm: typeof ts, checker: ts.TypeChecker, type: ts.TypeNode, depth = 0): boolean {
  if (depth > 4) return false;
  const noStatus = (node: ts.TypeNode) =>
    (node.kind !== tsm.SyntaxKind.NeverKeyword && cannotBeResponse(tsm, node)) || declaresNoStatus(tsm, checker, node, depth + 1);
  if (tsm.isParenthesizedTypeNode(type)) return noStatus(type.type);
  if (tsm.isUnionTypeNode(type)) return type.types.some(noStatus);
  if (tsm.isTypeLiteralNode(type)) return !mayHaveStatus(tsm, type.members);
  if (!tsm.isTypeReferenceNode(type)) return false;
  const declarations = unaliased(tsm, checker, checker.getSymbolAtLocation(type.typeName))?.declarations;
  if (!declarations || declarations.length === 0) return false;
  return declarations.every(
    (d) =>
      (tsm.isInterfaceDeclaration(d) && !d.heritageClauses && !mayHaveStatus(tsm, d.members)) ||
      (tsm.isTypeAliasDeclaration(d) && tsm.isTypeLiteralNode(d.type) && !mayHaveStatus(tsm, d.type.members)) ||
      (tsm.isTypeParameterDeclaration(d) && (!d.constraint || noStatus(d.constraint))),
  );
}

/** A member named `status`, or one whose name is computed (it may be). Index signatures name none. */
function mayHaveStatus(tsm: typeof ts, members: ts.NodeArray<ts.TypeElement>): boolean {
  return members.some((member) => {
    const name = member.name;
    if (!name) return false;
    return !(tsm.isIdentifier(name) || tsm.isStringLiteral(name)) || name.text === 'status';
  });
}

function isResponseType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return (
    type.getProperty('status') !== undefined && type.getProperty('isBase64Encoded') !== undefined && checker.typeToString(type) !== 'any'
  );
}

function isUndefined(tsm: typeof ts, expression: ts.Expression): boolean {
  const e = skipTransparentWrappers(tsm, expression);
  return (tsm.isIdentifier(e) && e.text === 'undefined') || (tsm.isVoidExpression(e) && tsm.isLiteralExpression(e.expression));
}

function numericLiteral(tsm: typeof ts, expression: ts.Expression): number | undefined {
  const e = skipTransparentWrappers(tsm, expression);
  return tsm.isNumericLiteral(e) ? Number(e.text) : undefined;
}

function helperName(tsm: typeof ts, call: ts.CallExpression): string | undefined {
  const name = calleeName(tsm, call.expression);
  return name && BODY_HELPERS.has(name) ? name : undefined;
}

function property(tsm: typeof ts, literal: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return literal.properties.find(
    (p) => p.name !== undefined && (tsm.isIdentifier(p.name) || tsm.isStringLiteral(p.name)) && p.name.text === name,
  );
}

/** How the file can call `toJsonEventResponse`: its own import, or through `qpqWebServerUtils`. */
function importedHelper(tsm: typeof ts, sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!tsm.isImportDeclaration(statement) || !tsm.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/quidproquo-webserver|@quidproquo\/webserver/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !tsm.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported === 'toJsonEventResponse') return element.name.text;
      if (imported === 'qpqWebServerUtils') return `${element.name.text}.toJsonEventResponse`;
    }
  }
  return undefined;
}

function removalOfProperty(literal: ts.ObjectLiteralExpression, member: ts.ObjectLiteralElementLike, sourceFile: ts.SourceFile) {
  const members = literal.properties;
  const i = members.indexOf(member);
  // Remove the member with the comma and space that separate it from its neighbour.
  const start = i > 0 ? members[i - 1].getEnd() : member.getStart(sourceFile);
  const end = i > 0 ? member.getEnd() : i + 1 < members.length ? members[i + 1].getStart(sourceFile) : member.getEnd();
  return { start, end, newText: '' };
}
