/**
 * Errors shaped like Office.js's OfficeExtension.Error (name 'RichApi.Error', `code`, `message`,
 * `debugInfo`), so adapter code that inspects `error.code` behaves the same against the
 * in-memory workbook as against Excel. Messages follow the wording Excel returns.
 */

export type ExcelErrorCode =
  | 'InvalidArgument'
  | 'AccessDenied'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidOperation'
  | 'GeneralException'
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'ApiNotFound'
  | 'InvalidReference'
  | 'RunMustReturnPromise'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'NullObjectAccess'
  | 'InvalidOperationInCellEditMode';

const MESSAGES: Record<ExcelErrorCode, string> = {
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  AccessDenied: 'You cannot perform the requested operation.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  InvalidOperation: 'The requested operation is invalid.',
  GeneralException: 'There was an internal error while processing the request.',
  PropertyNotLoaded: 'The property is not available.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  ApiNotFound: 'The API you are trying to use could not be found.',
  InvalidReference: 'This reference is not valid for the current operation.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  // docs/testing/application-specific-api-error-handling.md
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  // Excel.ErrorCodes.invalidOperationInCellEditMode (@types/office-js); see cellEdit in session.ts.
  InvalidOperationInCellEditMode: 'The operation is not available while Excel is in cell-edit mode.',
  // Not an Excel code: see nullObjectAccess().
  NullObjectAccess: 'The object is a null object.',
};

export interface ExcelErrorDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

/** Mirrors OfficeExtension.Error: what adapter code may inspect (`code`, `message`, `debugInfo`). */
export class ExcelApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: ExcelErrorCode;
  readonly debugInfo: ExcelErrorDebugInfo;
  readonly traceMessages: string[] = [];
  readonly httpStatusCode: number;

  constructor(code: ExcelErrorCode, message?: string, errorLocation?: string) {
    super(message ?? MESSAGES[code]);
    this.code = code;
    this.httpStatusCode = code === 'ItemNotFound' || code === 'ApiNotFound' ? 404 : 400;
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const invalidArgument = (location: string, detail?: string): ExcelApiError =>
  new ExcelApiError('InvalidArgument', detail ? `${MESSAGES.InvalidArgument} (${detail})` : undefined, location);

export const itemNotFound = (location: string, detail?: string): ExcelApiError =>
  new ExcelApiError('ItemNotFound', detail ? `${MESSAGES.ItemNotFound} (${detail})` : undefined, location);

export const itemAlreadyExists = (location: string): ExcelApiError =>
  new ExcelApiError('ItemAlreadyExists', undefined, location);

export const invalidOperation = (location: string, detail?: string): ExcelApiError =>
  new ExcelApiError('InvalidOperation', detail ? `${MESSAGES.InvalidOperation} (${detail})` : undefined, location);

export function propertyNotLoaded(typeName: string, property: string): ExcelApiError {
  return new ExcelApiError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function apiNotFound(member: string, set: string, version: string): ExcelApiError {
  return new ExcelApiError(
    'ApiNotFound',
    `The method or property ${member} is part of the ${set} ${version} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

export function invalidObjectPath(location: string): ExcelApiError {
  return new ExcelApiError(
    'InvalidObjectPath',
    `The object path '${location}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    location,
  );
}

/**
 * Excel itself returns `undefined` for a property of a null object; the in-memory workbook is
 * stricter and throws, because reading it is always a bug in the caller (check `isNullObject`).
 */
export function nullObjectAccess(typeName: string, member: string): ExcelApiError {
  return new ExcelApiError(
    'NullObjectAccess',
    `memoryExcel: ${typeName}.${member} used on a null object (Excel would return undefined or fail the batch): check isNullObject first.`,
    `${typeName}.${member}`,
  );
}

/** Thrown (synchronously, not as an Excel error) for any API member the in-memory workbook does not implement. */
export function notImplemented(typeName: string, member: string): Error {
  return new Error(`memoryExcel: ${typeName}.${member} is not implemented`);
}

/**
 * A write by a user who may only view the workbook. Excel.ErrorCodes lists `accessDenied`
 * ("AccessDenied"); the message is the one Microsoft's error table gives ("You cannot perform the
 * requested operation"). Guess: the whole request fails at its sync, as any failing command does.
 */
export function accessDenied(location: string): ExcelApiError {
  return new ExcelApiError('AccessDenied', undefined, location);
}
