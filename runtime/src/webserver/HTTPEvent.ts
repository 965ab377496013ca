/** An HTTP request as a route story receives it. */
export interface HTTPEvent<TBody = string | undefined> {
  path: string;
  method: string;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | undefined>;
  body: TBody;
  correlation: string;
  sourceIp: string;
  isBase64Encoded: boolean;
}

/** What a route story must return. A 204 carries no body. */
export interface HTTPEventResponse<TBody = string> {
  status: number;
  body?: TBody | undefined;
  headers?: Record<string, string | undefined> | undefined;
  isBase64Encoded: boolean;
}
