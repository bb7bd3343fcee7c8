/**
 * Calls `check` until it stops throwing (or returns a value), then returns that value; rethrows
 * its last error once `timeout` ms have passed. A bound for progress the test cannot observe as an
 * event, never a measure of speed: the default is generous because three engines share two cores.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5_000, interval = 20 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
