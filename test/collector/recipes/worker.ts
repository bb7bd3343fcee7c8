import {
  type CollectorHandler,
  createCollector,
  type ResponseStore,
  tokenBucketLimiter,
} from '@hark/collector';

/** The Worker's bindings (wrangler.toml); the test binds a SQLite store, served by Node. */
export interface Env {
  /** A store that runs where the Worker runs. */
  readonly HARK_STORE: ResponseStore;
  /** Submissions a visitor may send in a burst, and regains per second (`[vars]`). */
  readonly HARK_RATE_CAPACITY: string;
  readonly HARK_RATE_PER_SECOND: string;
}

let collector: CollectorHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    // Built on the first request: bindings arrive with it, not at import.
    collector ??= createCollector({
      store: env.HARK_STORE,
      allowedOrigins: ['https://shop.example'],
      rateLimiter: tokenBucketLimiter({
        capacity: Number(env.HARK_RATE_CAPACITY),
        refillPerSecond: Number(env.HARK_RATE_PER_SECOND),
      }),
    });
    // Cloudflare sets CF-Connecting-IP to the visitor's address, replacing any the client sent;
    // anywhere else it is a header like any other, which a client may forge.
    const clientAddress = request.headers.get('cf-connecting-ip') ?? undefined;
    return collector(request, { clientAddress });
  },
};
