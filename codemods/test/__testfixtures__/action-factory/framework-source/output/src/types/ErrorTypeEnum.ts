/** Error kinds a processor or story can fail with; the HTTP adapter maps them to statuses. */
export enum ErrorTypeEnum {
  BadRequest = 'BadRequest',
  Unauthorized = 'Unauthorized',
  PaymentRequired = 'PaymentRequired',
  Forbidden = 'Forbidden',
  NotFound = 'NotFound',
  TimeOut = 'TimeOut',
  Conflict = 'Conflict',
  Gone = 'Gone',
  UnsupportedMediaType = 'UnsupportedMediaType',
  Locked = 'Locked',
  OutOfResources = 'OutOfResources',
  GenericError = 'GenericError',
  NotImplemented = 'NotImplemented',
  ServiceUnavailable = 'ServiceUnavailable',
  NoContent = 'NoContent',
  Invalid = 'Invalid',
}

/** An error as a value: what a failed action or story returns, never throws. */
export interface QPQError<TErrorType extends string = string> {
  errorType: TErrorType;
  errorText: string;
  errorStack?: string;
}
