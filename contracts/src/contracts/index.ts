import type { Contract } from '../types';
import { askPrefixGeneratorOnly } from './ask-prefix-generator-only';
import { defineReturnsConfig } from './define-returns-config';
import { importOrder } from './import-order';
import { monomorphicActionShape } from './monomorphic-action-shape';
import { noOutdatedApi } from './no-outdated-api';
import { noSpreadDefine } from './no-spread-define';
import { noTryCatchAroundActions } from './no-try-catch-around-actions';
import { pureStories } from './pure-stories';
import { rawStoryMocks } from './raw-story-mocks';
import { requireYieldStar } from './require-yield-star';
import { returnThrowError } from './return-throw-error';
import { serializableContext } from './serializable-context';
import { validRuntimeReference } from './valid-runtime-reference';
import { voidReturns204 } from './void-returns-204';

/** Every contract, in the order rule tables list them. */
export const allContracts: readonly Contract[] = [
  requireYieldStar,
  monomorphicActionShape,
  voidReturns204,
  importOrder,
  pureStories,
  noTryCatchAroundActions,
  askPrefixGeneratorOnly,
  validRuntimeReference,
  returnThrowError,
  noSpreadDefine,
  defineReturnsConfig,
  serializableContext,
  rawStoryMocks,
  noOutdatedApi,
];

export function contractById(id: string): Contract | undefined {
  return allContracts.find((contract) => contract.meta.id === id);
}
