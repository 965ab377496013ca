import type { ActionProcessorListResolver, DynamicModuleLoader } from '../Action';
import type { AnyActionRequesterFunction, ProcessorFor } from '../ActionRequesterFunction';
import type { QPQConfig } from '../../config/QPQConfig';

/** A processor list resolver for one requester: `{ [askX.actionType]: processor }`. */
export function createActionProcessor<TRequester extends AnyActionRequesterFunction>(
  requester: TRequester,
  getProcessor: (qpqConfig: QPQConfig, dynamicModuleLoader: DynamicModuleLoader) => ProcessorFor<TRequester> | Promise<ProcessorFor<TRequester>>,
): ActionProcessorListResolver {
  return async (qpqConfig, dynamicModuleLoader) => ({ [requester.actionType]: await getProcessor(qpqConfig, dynamicModuleLoader) });
}
