import { HttpError } from './http-error.js';

/** A request line's target and Host header field lines, exactly as the client sent them. */
export interface RequestHead {
  /** `http:` or `https:`: what the connection is (not what the target claims). */
  readonly protocol: 'http:' | 'https:';
  /** The request-target, undecoded (`req.originalUrl ?? req.url` on Node). */
  readonly target: string;
  /** The value of every `Host` field line, in order (Node keeps only the first in `req.headers`). */
  readonly hosts: readonly string[];
  /** `1.1`, `1.0`…: an HTTP/1.0 request may come without Host. */
  readonly httpVersion: string;
  /** The authority for an HTTP/1.0 request without Host: the address the server was reached on. */
  readonly localAuthority: string;
}

/**
 * The request's URL, built without resolving anything in the target (RFC 9112 §3.2 and §3.3):
 *
 * - exactly one Host, a host and an optional port: two Hosts, user info, a path or a query in it → 400;
 * - an absolute-form target (`POST http://host/v1/responses`) is accepted, and its authority is
 *   the request's (§3.2.2), so it is what an allowed-hosts check sees; when a Host header names
 *   another authority → 400: a proxy or a log that reads the Host would see another request than
 *   the collector answers (an HTTP/1.0 request without Host has nothing to disagree with);
 * - a `.` or `..` path segment, raw or percent-encoded in any case (`%2e%2E`), or beside a
 *   backslash → 404. A URL parser resolves these (`/v1/responses/%2e%2e/%2e%2e/results` is
 *   `/results`), which would let a target that a proxy in front allows reach a route it does not.
 *
 * Throws an `HttpError` for the client.
 */
export function requestTargetUrl(head: RequestHead): URL {
  // The Host header is checked even when an absolute-form target overrides it (§3.2).
  const hostUrl = authorityUrl(head.protocol, singleHost(head), 'Host header');
  const absolute = absoluteForm(head.target);
  const url =
    absolute === undefined
      ? hostUrl
      : authorityUrl(head.protocol, absolute.authority, 'request target');
  if (absolute !== undefined && head.hosts.length === 1 && url.host !== hostUrl.host) {
    throw new HttpError(
      400,
      'invalid_host',
      `The request target names the host ${JSON.stringify(url.host)} but the Host header names ${JSON.stringify(hostUrl.host)}; they must agree.`,
    );
  }
  const pathAndQuery = absolute === undefined ? head.target : absolute.pathAndQuery;
  const query = pathAndQuery.indexOf('?');
  const path = query === -1 ? pathAndQuery : pathAndQuery.slice(0, query);
  if (path === '*') {
    url.pathname = '*'; // asterisk-form (OPTIONS *): names no route
  } else if (!/[.%\\]/.test(path)) {
    url.pathname = path; // nothing a URL parser would resolve (the common case, kept cheap)
  } else {
    refuseDotSegments(path);
    // The URL parser treats `\` as `/` in http(s) URLs: keep it a literal character instead.
    url.pathname = path.replaceAll('\\', '%5C');
    if (url.pathname.split('/').length !== path.split('/').length) throw notFound(path);
  }
  url.search = query === -1 ? '' : pathAndQuery.slice(query);
  return url;
}

/**
 * The route path below `basePath`, or undefined outside it. `mountPath` is the prefix a framework
 * routed on and removed from the target it passes on (Express's `req.baseUrl` under
 * `app.use('/b', …)`), so both `basePath: '/b'` and no `basePath` work when mounted at `/b`.
 */
export function routePath(pathname: string, basePath: string, mountPath = ''): string | undefined {
  const mounted =
    mountPath !== '' && pathname.startsWith(mountPath)
      ? pathname.slice(mountPath.length) || '/'
      : pathname;
  if (basePath === '') return mounted;
  for (const candidate of [pathname, mounted]) {
    if (candidate.startsWith(basePath)) return candidate.slice(basePath.length);
  }
  return undefined;
}

function singleHost(head: RequestHead): string {
  if (head.hosts.length > 1) {
    throw new HttpError(
      400,
      'invalid_host',
      `A request carries one Host header; this one carried ${head.hosts.length}.`,
    );
  }
  const [host] = head.hosts;
  if (host !== undefined) return host;
  if (head.httpVersion === '1.0' || head.httpVersion === '0.9') return head.localAuthority;
  throw new HttpError(400, 'invalid_host', 'An HTTP/1.1 request must carry a Host header.');
}

const ABSOLUTE_FORM = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

/** The authority and the rest of an absolute-form target, or undefined for a path (or `*`). */
function absoluteForm(target: string): { authority: string; pathAndQuery: string } | undefined {
  if (target.startsWith('/') || target === '*') return undefined;
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute === null) {
    throw new HttpError(
      400,
      'invalid_target',
      'The request target must be a path (/…) or an absolute http(s) URL.',
    );
  }
  const [, scheme = '', authority = '', rest = ''] = absolute;
  if (!/^https?$/i.test(scheme)) {
    throw new HttpError(
      400,
      'invalid_target',
      `The request target's scheme must be http or https, not ${scheme}.`,
    );
  }
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) {
    throw new HttpError(400, 'invalid_target', 'The request target has no valid path.');
  }
  return { authority, pathAndQuery: rest.startsWith('/') ? rest : `/${rest}` };
}

/** A host (name, IPv4, or [IPv6]) and an optional port: no user info, path, query or fragment. */
const AUTHORITY = /^(?:\[[0-9a-f:.]+\]|[a-z0-9\-._~!$&'()*+,;=%]+)(?::[0-9]*)?$/i;

function authorityUrl(protocol: string, authority: string, where: string): URL {
  const refused = () =>
    new HttpError(
      400,
      'invalid_host',
      `The ${where} must name a host and an optional port, without user info or a path.`,
    );
  if (!AUTHORITY.test(authority)) throw refused();
  let url: URL;
  try {
    url = new URL(`${protocol}//${authority}`);
  } catch {
    throw refused();
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '') {
    throw refused();
  }
  return url;
}

/** A path segment the URL parser reads as `.` or `..`, or one beside a backslash it reads as `/`. */
function refuseDotSegments(path: string): void {
  for (const segment of path.split(/[/\\]/)) {
    const decoded = segment.replace(/%2e/gi, '.');
    if (decoded === '.' || decoded === '..') throw notFound(path);
  }
}

function notFound(path: string): HttpError {
  return new HttpError(
    404,
    'not_found',
    `Nothing here: ${path} (a path with a "." or ".." segment, raw or percent-encoded, names no resource).`,
  );
}
