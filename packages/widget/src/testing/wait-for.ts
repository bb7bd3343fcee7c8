/**
 * Calls `check` until it stops throwing and returns something other than `false`, then returns
 * that; rethrows its last error once `timeout` ms have passed. (`false` counts as "not yet", so
 * `waitFor(() => el.state === 'thanks')` waits instead of passing at once.) A bound for progress
 * the test cannot observe as an event, never a measure of speed: the default is generous because
 * three engines share two cores.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5_000, interval = 20 }: { timeout?: number; interval?: number } = {},
): Promise<Exclude<T, false>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    let failure: unknown;
    try {
      const value = await check();
      if (value !== false) return value as Exclude<T, false>;
      failure = new Error(`waitFor: still false after ${timeout} ms`);
    } catch (error) {
      failure = error;
    }
    if (performance.now() >= deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
