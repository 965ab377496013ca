import { askDateNow, AskResponse } from 'quidproquo-core';
import type { HTTPEvent } from 'quidproquo-webserver';
import { defineAwsServiceAccountInfo } from 'quidproquo-config-aws';
import { something } from 'quidproquo';
import { deep } from 'quidproquo-core/lib/commonjs/deep';
import 'quidproquo-actionprocessor-node';
import { unrelated } from 'quidproquojs-not-a-framework-package';

export * from 'quidproquo-core';
export { toJsonEventResponse } from 'quidproquo-webserver';

export function* askNow(_event: HTTPEvent): AskResponse<string> {
  return yield* askDateNow();
}

export { defineAwsServiceAccountInfo, something, deep, unrelated };
