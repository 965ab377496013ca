import type { Contract } from '../types';
import { askPrefixGeneratorOnly } from './ask-prefix-generator-only';
import { importOrder } from './import-order';
import { monomorphicActionShape } from './monomorphic-action-shape';
import { noTryCatchAroundActions } from './no-try-catch-around-actions';
import { pureStories } from './pure-stories';
import { requireYieldStar } from './require-yield-star';
import { validRuntimeReference } from './valid-runtime-reference';
import { voidReturns204 } from './void-returns-204';
import { returnThrowError } from './return-throw-error';
import { noSpreadDefine } from './no-spread-define';
import { defineReturnsConfig } from './define-returns-config';
import { serializableContext } from './serializable-context';
import { rawStoryMocks } from './raw-story-mocks';

/** Every contract, in the order rule tables list them. */
export const allContracts: readonly Contract[] = [requireYieldStar, monomorphicActionShape, voidReturns204, importOrder, pureStories, noTryCatchAroundActions, askPrefixGeneratorOnly, validRuntimeReference, returnThrowError, noSpreadDefine, defineReturnsConfig, serializableContext, rawStoryMocks];

export function contractById(id: string): Contract | undefined {
  return allContracts.find((contract) => contract.meta.id === id);
}
