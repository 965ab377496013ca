import { assertRuntime, type QPQConfigSetting, type QpqFunctionRuntime } from '../core';

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RouteAuthSettings {
  userDirectoryName?: string;
  applicationName?: string;
  serviceName?: string;
  scopes?: string[];
}

export interface RouteOptions {
  routeAuthSettings?: RouteAuthSettings;
  allowedOrigins?: string[];
}

export interface RouteQPQWebServerConfigSetting extends QPQConfigSetting {
  method: HTTPMethod;
  path: string;
  runtime: QpqFunctionRuntime;
  options: RouteOptions;
}

export const ROUTE_SETTING_TYPE = '@quidproquo-webserver/config/route';

/** Binds an HTTP route to the story that answers it. */
export function defineRoute(method: HTTPMethod, path: string, runtime: QpqFunctionRuntime, options: RouteOptions = {}): RouteQPQWebServerConfigSetting {
  assertRuntime(runtime, `defineRoute('${method}', '${path}')`);
  return { configSettingType: ROUTE_SETTING_TYPE, uniqueKey: `${method} ${path}`, method, path, runtime, options };
}
