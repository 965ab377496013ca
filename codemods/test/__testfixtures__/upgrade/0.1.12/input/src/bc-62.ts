import { createApiRequestActionProcessor } from 'quidproquo-actionprocessor-web';

let token: string | undefined;

export const apiProcessor = createApiRequestActionProcessor({
  getHeaders: () => {
    if (!token) return undefined;
    return { authorization: `Bearer ${token}` };
  },
});
export const anonymous = createApiRequestActionProcessor({ getHeaders: () => undefined });
