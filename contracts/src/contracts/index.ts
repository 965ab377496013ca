import type { Contract } from '../types';
import { requireYieldStar } from './require-yield-star';
import { voidReturns204 } from './void-returns-204';

/** Every contract, in the order rule tables list them. */
export const allContracts: readonly Contract<any>[] = [requireYieldStar, voidReturns204];

export function contractById(id: string): Contract<any> | undefined {
  return allContracts.find((contract) => contract.meta.id === id);
}
