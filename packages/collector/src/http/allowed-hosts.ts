import { isIP } from 'node:net';
import { HttpError } from './http-error.js';

/**
 * The `Host` names a collector answers for. DNS rebinding points a name the attacker controls at
 * the collector's address (127.0.0.1 included), so the browser calls it same-origin under that
 * name; refusing every name not listed here stops it before any routing (the fix webpack-dev-server
 * `allowedHosts` and Node's inspector, CVE-2018-7160, use).
 *
 * Entries: `name` (any port), `name:port` (that port only), or a URL (`https://hark.example`: its
 * host name, any port, since a proxy in front may or may not pass the port on). IP literals are
 * always allowed: a page can only send `Host: 203.0.113.5` if its own origin is that address, which
 * no one can rebind.
 */
export class HostAllowlist {
  /** host name → the ports allowed (`undefined`: any port). */
  readonly #ports = new Map<string, Set<string> | undefined>();

  constructor(entries: readonly string[] = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an entry; throws a TypeError naming it when it is not a host. */
  add(entry: string): void {
    const parsed = parseEntry(entry);
    if (parsed === undefined) {
      throw new TypeError(
        `allowed host ${JSON.stringify(entry)} is not a host like "hark.example", "hark.example:8443" or "https://hark.example"`,
      );
    }
    const { name, port } = parsed;
    if (!this.#ports.has(name)) this.#ports.set(name, port === undefined ? undefined : new Set());
    const ports = this.#ports.get(name);
    if (port === undefined) this.#ports.set(name, undefined);
    else ports?.add(port);
  }

  /** Whether a request addressed to `url` (built from its `Host` header) may be answered. */
  allows(url: URL): boolean {
    const name = url.hostname;
    if (isIpLiteral(name)) return true;
    if (!this.#ports.has(name)) return false;
    const ports = this.#ports.get(name);
    return ports === undefined || ports.has(effectivePort(url));
  }
}

/** Whether `hostname` (as `URL` spells it: lower case, IPv6 in brackets) is an IP address. */
function isIpLiteral(hostname: string): boolean {
  return isIP(hostname.startsWith('[') ? hostname.slice(1, -1) : hostname) !== 0;
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function parseEntry(entry: string): { name: string; port: string | undefined } | undefined {
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
  let url: URL;
  try {
    url = new URL(isUrl ? entry : `http://${entry}`);
  } catch {
    return undefined;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  if (
    !isUrl &&
    (url.pathname !== '/' || url.search !== '' || url.hash !== '' || entry.endsWith('/'))
  )
    return undefined;
  // A URL names the public address; the port a proxy passes on (if any) is not part of it.
  if (isUrl) return { name: url.hostname, port: undefined };
  const hasPort = /:\d+$/.test(entry);
  return { name: url.hostname, port: hasPort ? effectivePort(url) : undefined };
}

/** The 421 for a request addressed to a host the collector does not answer for. */
export function misdirected(url: URL): HttpError {
  return new HttpError(
    421,
    'misdirected_request',
    `This collector does not answer for the host ${JSON.stringify(url.host)}; if that name is its own, add it to allowedHosts (hark-collector --public-url).`,
  );
}

/**
 * Whether a request was addressed to this machine by a loopback name: `localhost`, 127.0.0.0/8
 * or `[::1]`. Only such requests may read without an admin token (when the embedder opts in).
 */
export function isLoopbackHost(url: URL): boolean {
  const name = url.hostname;
  if (name === 'localhost') return true;
  if (name === '[::1]') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** Whether a peer address (as Node reports it, IPv4-mapped included) is this machine. */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}
