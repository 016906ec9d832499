/**
 * Every request handler runs through `guard`: an exception is logged and
 * answered with the empty result, and a cancelled request answers at once,
 * so one bad document never takes the server down.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export function guard<P, R>(connection: Connection, name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      const result = await handler(params, token);
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      return result;
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}

/** Same for notifications, which have no answer. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void) {
  return (params: P): void => {
    try {
      handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
}
