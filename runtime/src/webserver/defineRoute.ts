import { assertRuntime, type QPQConfigSetting, type QpqFunctionRuntime } from '../core/index.js';

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RouteAuthSettings {
  userDirectoryName?: string | undefined;
  applicationName?: string | undefined;
  serviceName?: string | undefined;
  scopes?: string[] | undefined;
}

export interface RouteOptions {
  routeAuthSettings?: RouteAuthSettings | undefined;
  allowedOrigins?: string[] | undefined;
}

export interface RouteQPQWebServerConfigSetting extends QPQConfigSetting {
  method: HTTPMethod;
  path: string;
  runtime: QpqFunctionRuntime;
  options: RouteOptions;
}

export const ROUTE_SETTING_TYPE = '@quidproquo-webserver/config/route';

/** Binds an HTTP route to the story that answers it. */
export function defineRoute(
  method: HTTPMethod,
  path: string,
  runtime: QpqFunctionRuntime,
  options: RouteOptions = {},
): RouteQPQWebServerConfigSetting {
  assertRuntime(runtime, `defineRoute('${method}', '${path}')`);
  return { configSettingType: ROUTE_SETTING_TYPE, uniqueKey: `${method} ${path}`, method, path, runtime, options };
}
