import { getCloudFrontRequestEvent_viewerRequest } from 'quidproquo-actionprocessor-awslambda';

export const handler = getCloudFrontRequestEvent_viewerRequest();
