import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum ConfigActionType {
  GetParameter = '@quidproquo-core/Config/GetParameter',
  GetSecret = '@quidproquo-core/Config/GetSecret',
  GetGlobal = '@quidproquo-core/Config/GetGlobal',
}

export const askConfigGetParameter = createActionRequester<string>()({
  actionType: ConfigActionType.GetParameter,
  getPayload: (parameterName: string) => ({ parameterName }),
});

export const askConfigGetSecret = createActionRequester<string>()({
  actionType: ConfigActionType.GetSecret,
  getPayload: (secretName: string) => ({ secretName }),
});

export const askConfigGetGlobal = createActionRequester<any>()({
  actionType: ConfigActionType.GetGlobal,
  getPayload: (globalName: string) => ({ globalName }),
});
