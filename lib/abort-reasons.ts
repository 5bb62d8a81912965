// A workaround for a Node memory retention bug (nodejs/node#66129, seen on Node 24): an Error created
// inside a setImmediate callback keeps, through the stack trace V8 captures with it (unformatted
// until `.stack` is read), the Immediate it ran in, that Immediate's AsyncLocalStorage store and,
// through the timer list's stale links, the stores of the other Immediates of its batch. React's
// server renderer aborts every request's cache signal with such an Error when the render completes
// and keeps the signal, so each finished request kept its whole render state (the Flight request
// and everything its async context held): under steady load the server grew by hundreds of MB.
// Reading `.stack` formats the trace and lets V8 drop what it held; the text stays as it was.
const installed = Symbol.for("ploeg.abortReasonStacksFormatted");

/** Makes every AbortController format an Error reason's stack when it aborts. Once per process. */
export function formatAbortReasonStacks(): void {
  const prototype = AbortController.prototype as AbortController & { [installed]?: true };
  if (prototype[installed]) return;
  const abort = prototype.abort;
  prototype.abort = function abortWithFormattedReason(this: AbortController, reason?: unknown): void {
    if (reason instanceof Error) void reason.stack;
    abort.call(this, reason);
  };
  prototype[installed] = true;
}
