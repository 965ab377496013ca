import type { QPQConfig } from '../../config/QPQConfig.js';
import type { ActionProcessorListResolver, DynamicModuleLoader } from '../Action.js';
import type { AnyActionRequesterFunction, ProcessorFor } from '../ActionRequesterFunction.js';

/** A processor list resolver for one requester: `{ [askX.actionType]: processor }`. */
export function createActionProcessor<TRequester extends AnyActionRequesterFunction>(
  requester: TRequester,
  getProcessor: (
    qpqConfig: QPQConfig,
    dynamicModuleLoader: DynamicModuleLoader,
  ) => ProcessorFor<TRequester> | Promise<ProcessorFor<TRequester>>,
): ActionProcessorListResolver {
  return async (qpqConfig, dynamicModuleLoader) => ({ [requester.actionType]: await getProcessor(qpqConfig, dynamicModuleLoader) });
}
