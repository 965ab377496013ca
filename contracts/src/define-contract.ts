import type { Contract, ContractContext, ContractExample, ContractMeta, InvalidContractExample, NoInference } from './types';

/**
 * A contract, typed from its own definition as typescript-eslint's `createRule` types a rule:
 * message ids from the keys of `meta.messages`, options from `meta.defaultOptions`. A finding or
 * an example with an unknown message id, or an example with an option the contract does not
 * have, is a type error.
 */
export function defineContract<Options extends object, MessageId extends string>(definition: {
  meta: ContractMeta<Options, MessageId>;
  examples: {
    valid: Array<ContractExample<NoInference<Options>>>;
    invalid: Array<InvalidContractExample<NoInference<Options>, NoInference<MessageId>>>;
  };
  check(context: ContractContext<NoInference<Options>, NoInference<MessageId>>): void;
}): Contract<Options, MessageId> {
  return definition as Contract<Options, MessageId>;
}
