import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { requireYieldStar } from '../src/contracts/require-yield-star';
import { dedent } from '../src/engine/dedent';
import { findingsOf, findingText } from './finding-text';
import { programOf, watchedChecker } from './in-memory-program';

describe('require-yield-star', () => {
  it('asks what a collection takes only of a call that is a story', () => {
    const program = programOf({
      '/p/collect.ts': dedent`
        import { AskResponse, askDateNow } from 'quidproquo-core';

        interface Removal {
          key: string;
        }
        function removal(key: string): Removal {
          return { key };
        }
        function* askSave(): AskResponse<void> {}

        export function* askCollect(keys: string[]): AskResponse<number> {
          const removals: Removal[] = [];
          const later: Array<AskResponse<void>> = [];
          const times: string[] = [];
          for (const key of keys) {
            removals.push(removal(key));
            later.push(askSave());
            times.push(askDateNow());
          }
          return removals.length + later.length + times.length;
        }
      `,
    });
    const sourceFile = program.getSourceFile('/p/collect.ts')!;
    const asked: string[] = [];
    const checker = watchedChecker(program.getTypeChecker(), 'getContextualType', (node) => asked.push(node.getText()));

    const findings = findingsOf(requireYieldStar, { ts, sourceFile, checker, program });

    const found = findings.map((f) => `${findingText(sourceFile, f)} ${sourceFile.text.slice(f.start, f.end)}`);
    expect(found).toEqual(['missingYieldStar 18:16 askDateNow()']);
    expect(asked).toEqual(['askSave()', 'askDateNow()']);
  });
});
