// Polling for host suites: the extension reacts to the editor asynchronously, so suites wait for state.

/** A probe answers the value waited for, or undefined / false while it is not there yet. */
export type Probe<T> = () => T | undefined | false | Promise<T | undefined | false>;

/** Polls `probe` until it answers a value (returned), or fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: Probe<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
