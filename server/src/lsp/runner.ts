/**
 * Every request handler runs through `guard`: an exception is logged and
 * answered with the empty result, and a cancelled request answers at once,
 * so one bad document never takes the server down.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export function guard<P, R>(connection: Connection, name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    if (token.isCancellationRequested) return cancelled();
    // A handler waiting on the client (settings) must not hold the request once it is cancelled.
    let release: { dispose(): void } | undefined;
    const cancellation = new Promise<'cancelled'>((resolve) => {
      release = token.onCancellationRequested(() => resolve('cancelled'));
    });
    try {
      const result = await Promise.race([Promise.resolve(handler(params, token)), cancellation]);
      if (result === 'cancelled' || token.isCancellationRequested) return cancelled();
      return result;
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    } finally {
      release?.dispose();
    }
  };
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
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
