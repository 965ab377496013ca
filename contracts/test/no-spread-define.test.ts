import { describe, expect, it } from 'vitest';

import { allContracts } from '../src';
import { dedent } from '../src/engine/dedent';
import { untypedFindings } from './finding-text';

const contract = allContracts.find((c) => c.meta.id === 'no-spread-define')!;

describe('no-spread-define finds the define* call however it is written', () => {
  it('through a namespace, in parentheses, or after a space', () => {
    const text = dedent`
      import * as qpq from 'quidproquo-webserver';

      export const byNamespace: QPQConfig = [...qpq.defineRoute('GET', '/a', '/routes/a::get')];
      export const inParentheses: QPQConfig = [...(defineTodoRoutes())];
      export const spaced: QPQConfig = [... defineTodoRoutes()];
    `;
    expect(untypedFindings(contract, text, 'config.ts')).toEqual(['spreadDefine 3:40', 'spreadDefine 4:42', 'spreadDefine 5:35']);
  });
});
