import type { Transform } from '../transform';
import { actionFactory } from './action-factory';
import { bundleRuntime } from './bundle-runtime';
import { configV2 } from './config-v2';
import { extractInfra } from './extract-infra';
import { queueBatchWindow } from './queue-batch-window';
import { scopedPackages } from './scoped-packages';

/** Every transform, in the order `migrate` runs them (a transform after those it `runsAfter`). */
export const allTransforms: readonly Transform[] = [configV2, queueBatchWindow, actionFactory, scopedPackages, bundleRuntime, extractInfra];
