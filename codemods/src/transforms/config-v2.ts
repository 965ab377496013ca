import { ts } from 'ts-morph';

import { findFrameworkCalls, type FrameworkCall } from '../lib/calls';
import { deployEventSignature, queueSignature, scheduleSignature, type Signature } from '../lib/config-signatures';
import {
  arrayList,
  callList,
  type Edit,
  indentationAt,
  insertListElement,
  isMultiline,
  removeListElement,
  removeListElements,
  replaceNode,
} from '../lib/edits';
import { callLabel, isUndefinedLiteral, looksLikePath, looksLikeRegion } from '../lib/expressions';
import { addNamedImport, countReferences, quoteOf, removeNamedImport, usesScopedNames } from '../lib/imports';
import { CONFIG_AWS_PACKAGES, CORE_PACKAGES } from '../lib/packages';
import { skipOuter } from '../lib/symbols';
import type { SourceContext, Transform } from '../transform';

const CORE_FUNCTIONS = [
  'defineQueue',
  'defineRecurringSchedule',
  'defineDeployEvent',
  'defineBuildPath',
  'defineApplicationBasePath',
  'defineApplicationModule',
  'defineApplication',
];
const AWS_INFO = 'defineAwsServiceAccountInfo';
const TODO = 'TODO(qpq-codemod)';

/** Where the build path argument sat in each setting's old signature. */
const BUILD_PATH_ARGUMENT: Record<string, { index: number; signature: (call: ts.CallExpression, context: SourceContext) => Signature }> = {
  defineQueue: { index: 1, signature: (call, context) => queueSignature(call, context.checker) },
  defineRecurringSchedule: { index: 2, signature: (call, context) => scheduleSignature(call, context.checker) },
  defineDeployEvent: { index: 0, signature: (call) => deployEventSignature(call) },
};

export const configV2: Transform = {
  name: 'config-v2',
  description:
    "Moves a service config to the Oct 2024 signatures: no build path on queues, schedules and deploy events; the build path as `defineApplicationModule`'s `apiBuildPath`; the deploy region in `defineAwsServiceAccountInfo`.",
  frameworkChange: 'Oct 2024: build path removed from settings, deploy region moved to the AWS config',
  migration: true,
  // The build path left the settings in 0.0.232, the region left defineApplicationModule in 0.0.234.
  release: '0.0.234',
  targets: [...CORE_FUNCTIONS],

  transformSource(context) {
    return new ConfigMigration(context).run();
  },
};

class ConfigMigration {
  private readonly edits: Edit[] = [];
  private readonly sourceFile: ts.SourceFile;
  private readonly calls: FrameworkCall[];
  private readonly awsInfoCalls: FrameworkCall[];
  /** Texts of the build path arguments taken out of queues, schedules and deploy events. */
  private readonly removedBuildPaths: string[] = [];
  /** The file shows the old signatures somewhere (a build path argument or setting). */
  private oldEvidence = false;
  private awsInfoAdded = false;

  constructor(private readonly context: SourceContext) {
    this.sourceFile = context.sourceFile;
    this.calls = findFrameworkCalls(context, CORE_FUNCTIONS, CORE_PACKAGES);
    this.awsInfoCalls = findFrameworkCalls(context, [AWS_INFO], CONFIG_AWS_PACKAGES);
  }

  run(): Edit[] {
    if (this.calls.length === 0) return [];
    this.dropBuildPathArguments();
    const apiBuildPath = this.moveBuildPathSettings();
    for (const module of this.named('defineApplicationModule')) this.migrateApplicationModule(module.call, apiBuildPath);
    for (const application of this.named('defineApplication')) this.migrateApplication(application.call);
    return this.edits;
  }

  private named(name: string): FrameworkCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  private text(node: ts.Node): string {
    return node.getText(this.sourceFile);
  }

  private label(call: ts.CallExpression, name: string): string {
    return callLabel(call, name, this.sourceFile);
  }

  // ---- defineQueue, defineRecurringSchedule, defineDeployEvent: the build path argument goes

  private dropBuildPathArguments(): void {
    for (const { call, name } of this.calls) {
      const argument = BUILD_PATH_ARGUMENT[name];
      if (!argument) continue;
      const signature = argument.signature(call, this.context);
      if (signature.form === 'unknown') {
        this.context.note('skip', `${this.label(call, name)}: ${signature.reason}`, call);
        continue;
      }
      if (signature.form === 'new') continue;
      this.oldEvidence = true;
      const buildPath = call.arguments[argument.index];
      this.removedBuildPaths.push(this.text(buildPath));
      this.edits.push(...removeListElement(this.sourceFile, callList(this.sourceFile, call), argument.index));
      this.context.note('change', `${this.label(call, name)}: build path argument ${this.text(buildPath)} removed`, call);
    }
  }

  // ---- defineBuildPath / defineApplicationBasePath: removed, their value becomes apiBuildPath

  /** The expression text for `apiBuildPath`, when the file says what it is. */
  private moveBuildPathSettings(): string | undefined {
    const settings = this.calls.filter((c) => c.name === 'defineBuildPath' || c.name === 'defineApplicationBasePath');
    if (settings.length > 0) this.oldEvidence = true;
    const primary = settings.find((s) => s.name === 'defineBuildPath') ?? settings[0];
    const primaryValue = primary?.call.arguments[0] ? this.text(primary.call.arguments[0]) : undefined;
    const hasModule = this.named('defineApplicationModule').length > 0;
    const removedByLocalName = new Map<string, number>();
    const removals = new Map<ts.ArrayLiteralExpression, number[]>();

    for (const setting of settings) {
      const { call, name } = setting;
      const label = this.label(call, name);
      const value = call.arguments[0] ? this.text(call.arguments[0]) : undefined;
      if (!hasModule) {
        this.context.note(
          'skip',
          `${label}: no defineApplicationModule in this file to take ${value ?? 'its path'} as apiBuildPath; move it there and remove this setting by hand`,
          call,
        );
        continue;
      }
      const element = arrayElementOf(call);
      if (!element) {
        this.context.note(
          'skip',
          `${label}: not an element of a config array; remove it by hand (its path goes to defineApplicationModule's apiBuildPath)`,
          call,
        );
        continue;
      }
      removals.set(element.array, [...(removals.get(element.array) ?? []), element.index]);
      const callee = skipOuter(call.expression);
      if (ts.isIdentifier(callee)) removedByLocalName.set(callee.text, (removedByLocalName.get(callee.text) ?? 0) + 1);
      if (setting !== primary && value !== primaryValue) {
        this.context.note(
          'todo',
          `${label} removed; its path differs from ${primary.name}'s ${primaryValue}, which became apiBuildPath: check which one the service needs`,
          call,
        );
      } else {
        this.context.note('change', `${label} removed: its path is now defineApplicationModule's apiBuildPath`, call);
      }
    }
    for (const [array, indices] of removals)
      this.edits.push(...removeListElements(this.sourceFile, arrayList(this.sourceFile, array), indices));
    for (const [localName, removed] of removedByLocalName) {
      if (countReferences(this.sourceFile, localName) === removed) this.edits.push(...removeNamedImport(this.sourceFile, localName));
    }

    if (primaryValue !== undefined && hasModule) return primaryValue;
    const distinct = [...new Set(this.removedBuildPaths)];
    if (distinct.length === 1) return distinct[0];
    return undefined;
  }

  // ---- defineApplicationModule(app, module, env, configRoot, deployRegion?, feature?) -> (app, module, env, configRoot, apiBuildPath, feature?)

  private migrateApplicationModule(call: ts.CallExpression, apiBuildPath: string | undefined): void {
    const label = this.label(call, 'defineApplicationModule');
    const args = call.arguments;
    if (args.length < 4 || args.some(ts.isSpreadElement)) {
      this.context.note('skip', `${label}: its arguments match neither signature`, call);
      return;
    }
    let region: ts.Expression | undefined;
    if (args.length >= 5) {
      const fifth = args[4];
      if (isUndefinedLiteral(fifth) || looksLikeRegion(fifth)) {
        region = fifth;
      } else if (looksLikePath(fifth, this.sourceFile) || (this.awsInfoCalls.length > 0 && !this.oldEvidence)) {
        // Already (app, module, env, configRoot, apiBuildPath, ...); the short-lived signature with the
        // region after the build path still has it to move.
        const sixth = args[5];
        if (sixth && args.length >= 6 && (looksLikeRegion(sixth) || (isUndefinedLiteral(sixth) && args.length === 7))) {
          this.removeRegionArgument(call, 5, label);
        }
        return;
      } else if (this.oldEvidence) {
        region = fifth;
      } else {
        this.context.note(
          'skip',
          `${label}: cannot tell whether ${this.text(fifth)} is the old deployRegion or the new apiBuildPath`,
          call,
        );
        return;
      }
    }

    const quote = quoteOf(this.sourceFile);
    let buildPathText = apiBuildPath;
    if (buildPathText === undefined) {
      buildPathText = `/* ${TODO}: the api build path */ ${quote}${quote}`;
      this.context.note(
        'todo',
        `${label}: apiBuildPath is a placeholder: no defineBuildPath or build path arguments in this file to take it from`,
        call,
      );
    }
    if (args.length === 4) {
      this.edits.push(...insertListElement(this.sourceFile, callList(this.sourceFile, call), 3, buildPathText));
    } else {
      this.edits.push(replaceNode(this.sourceFile, args[4], buildPathText));
    }
    const regionText = region && !isUndefinedLiteral(region) ? this.text(region) : undefined;
    this.context.note(
      'change',
      `${label}: apiBuildPath ${apiBuildPath ?? '(placeholder)'}${regionText ? `, deployRegion ${regionText} moved to ${AWS_INFO}` : ''}`,
      call,
    );
    if (regionText) this.moveRegion(call, regionText, label);
  }

  // ---- defineApplication(name, env, configRoot, deployRegion?, feature?) -> (name, env, configRoot, feature?)

  private migrateApplication(call: ts.CallExpression): void {
    const args = call.arguments;
    const label = this.label(call, 'defineApplication');
    if (args.length < 4 || args.some(ts.isSpreadElement)) return;
    const fourth = args[3];
    if (args.length === 4 && !looksLikeRegion(fourth) && !isUndefinedLiteral(fourth)) return; // (name, env, configRoot, feature)
    this.removeRegionArgument(call, 3, label);
  }

  private removeRegionArgument(call: ts.CallExpression, index: number, label: string): void {
    const region = call.arguments[index];
    this.edits.push(...removeListElement(this.sourceFile, callList(this.sourceFile, call), index));
    if (isUndefinedLiteral(region)) {
      this.context.note('change', `${label}: empty deployRegion argument removed`, call);
      return;
    }
    this.context.note('change', `${label}: deployRegion ${this.text(region)} moved to ${AWS_INFO}`, call);
    this.moveRegion(call, this.text(region), label);
  }

  // ---- the region goes to defineAwsServiceAccountInfo(deployAccountId, deployRegion)

  private moveRegion(anchor: ts.CallExpression, regionText: string, label: string): void {
    const existing = this.awsInfoCalls[0];
    if (existing) {
      const existingRegion = existing.call.arguments[1];
      if (!existingRegion || this.text(existingRegion) !== regionText) {
        this.context.note(
          'todo',
          `${label}: deployRegion ${regionText} removed; ${AWS_INFO} here has ${existingRegion ? this.text(existingRegion) : 'no region'}: check which region the service deploys to`,
          existing.call,
        );
      }
      return;
    }
    if (this.awsInfoAdded) return;
    const element = arrayElementOf(anchor);
    if (!element) {
      this.context.note(
        'todo',
        `${label}: add ${AWS_INFO}('<AWS account id>', ${regionText}) to this service's config (the call is not an element of a config array)`,
        anchor,
      );
      return;
    }
    this.awsInfoAdded = true;
    const quote = quoteOf(this.sourceFile);
    const placeholder = `${quote}TODO-aws-account-id${quote}`;
    const list = arrayList(this.sourceFile, element.array);
    let item = `${AWS_INFO}(${placeholder}, ${regionText})`;
    if (isMultiline(this.sourceFile, list.open, list.elements, list.close)) {
      const indentation = indentationAt(this.sourceFile.text, element.node.getStart(this.sourceFile));
      item = `// ${TODO}: the AWS account id this service deploys to\n${indentation}${item}`;
    } else {
      item = `${AWS_INFO}(/* ${TODO}: AWS account id */ ${placeholder}, ${regionText})`;
    }
    this.edits.push(...insertListElement(this.sourceFile, list, element.index, item));
    const configAws = usesScopedNames(this.sourceFile) ? '@quidproquo/config-aws' : 'quidproquo-config-aws';
    this.edits.push(...addNamedImport(this.sourceFile, configAws, AWS_INFO));
    this.context.note('todo', `${AWS_INFO} added with a placeholder account id: set the AWS account this service deploys to`, anchor);
  }
}

/** The array literal a call is an element of (directly or spread), and its index. */
function arrayElementOf(call: ts.CallExpression): { array: ts.ArrayLiteralExpression; index: number; node: ts.Expression } | undefined {
  let node: ts.Expression = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  if (ts.isSpreadElement(node.parent)) node = node.parent;
  const array = node.parent;
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  return { array, index: array.elements.indexOf(node), node };
}
