import { createApiRequestActionProcessor } from 'quidproquo-actionprocessor-web';

let token: string | undefined;

export const apiProcessor = createApiRequestActionProcessor({
  getHeaders: () => {
    if (!token) return null;
    return { authorization: `Bearer ${token}` };
  },
});
export const anonymous = createApiRequestActionProcessor({ getHeaders: () => null });
