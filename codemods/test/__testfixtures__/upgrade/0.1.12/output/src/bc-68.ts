import { QpqWarmLambdaEvent } from 'quidproquo-actionprocessor-awslambda';

export const isWarm = (event: QpqWarmLambdaEvent | object): boolean => 'qpqWarm' in event;
