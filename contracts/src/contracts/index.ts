import type { Contract } from '../types';
import { requireYieldStar } from './require-yield-star';

/** Every contract, in the order rule tables list them. */
export const allContracts: readonly Contract<any>[] = [requireYieldStar];

export function contractById(id: string): Contract<any> | undefined {
  return allContracts.find((contract) => contract.meta.id === id);
}
