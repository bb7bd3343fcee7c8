import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { type RequestHead, requestTargetUrl, routePath } from './request-target.js';

function head(target: string, hosts: readonly string[] = ['127.0.0.1:8787']): RequestHead {
  return { protocol: 'http:', target, hosts, httpVersion: '1.1', localAuthority: '127.0.0.1:8787' };
}

function refusal(input: RequestHead): { status: number; code: string } {
  try {
    requestTargetUrl(input);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('accepted');
}

describe('requestTargetUrl', () => {
  it('takes an origin-form target literally', () => {
    const url = requestTargetUrl(head('//evil.example/v1/responses?surveyId=a%20b'));
    expect(url.host).toBe('127.0.0.1:8787');
    expect(url.pathname).toBe('//evil.example/v1/responses');
    expect(url.searchParams.get('surveyId')).toBe('a b');
  });

  it.each([
    ['[::1]:8787', '[::1]:8787'],
    ['LOCALHOST:8787', 'localhost:8787'],
    ['localhost:', 'localhost'],
    ['shop.example', 'shop.example'],
  ])('accepts Host %s as %s', (host, expected) => {
    expect(requestTargetUrl(head('/v1/responses', [host])).host).toBe(expected);
  });

  it.each(['a b', 'user:pass@localhost', 'localhost#x', 'localhost\\x', '[::1', 'exa mple', ''])(
    'refuses Host %j with 400 invalid_host',
    (host) => {
      expect(refusal(head('/', [host]))).toEqual({ status: 400, code: 'invalid_host' });
    },
  );

  it('accepts an absolute-form target in any case of scheme, and an empty path', () => {
    const url = requestTargetUrl(head('HTTP://127.0.0.1:9000?x=1', ['127.0.0.1:9000']));
    expect(url.href).toBe('http://127.0.0.1:9000/?x=1');
    // The same authority spelled differently (case, the default port) agrees with Host.
    const same = requestTargetUrl(head('http://Hark.Example:80/v1/responses', ['hark.example']));
    expect(same.href).toBe('http://hark.example/v1/responses');
  });

  it('refuses an absolute-form target whose authority differs from Host with 400 invalid_host', () => {
    const mismatched = head('http://127.0.0.1:8787/results', ['rebind.attacker.example:8787']);
    expect(refusal(mismatched)).toEqual({ status: 400, code: 'invalid_host' });
    expect(() => requestTargetUrl(mismatched)).toThrow(
      'The request target names the host "127.0.0.1:8787" but the Host header names "rebind.attacker.example:8787"; they must agree.',
    );
    expect(refusal(head('http://127.0.0.1:9000/', ['127.0.0.1:8787']))).toEqual({
      status: 400,
      code: 'invalid_host',
    });
    // HTTP/1.0 without Host: nothing to disagree with.
    const old = { ...head('http://127.0.0.1:9000/', []), httpVersion: '1.0' };
    expect(requestTargetUrl(old).host).toBe('127.0.0.1:9000');
  });

  it.each(['/a/%2e', '/a/%2E%2E', '/./a', '/a/..', '/a\\..\\b'])(
    'refuses the dot segment in %s with 404',
    (target) => {
      expect(refusal(head(target))).toEqual({ status: 404, code: 'not_found' });
    },
  );

  it.each(['/a/...', '/a/.b', '/a/%2e%2e%2e', '/.well-known/x', '/a/%2e.x'])(
    'keeps %s, which is no dot segment',
    (target) => {
      expect(requestTargetUrl(head(target)).pathname).toBe(target);
    },
  );

  it('uses the local address for HTTP/1.0 without Host, and refuses HTTP/1.1 without it', () => {
    expect(requestTargetUrl({ ...head('/', []), httpVersion: '1.0' }).host).toBe('127.0.0.1:8787');
    expect(refusal(head('/', []))).toEqual({ status: 400, code: 'invalid_host' });
  });
});

describe('routePath', () => {
  it.each([
    // pathname, basePath, mountPath, route
    ['/v1/responses', '', undefined, '/v1/responses'],
    ['/hark/v1/responses', '/hark', undefined, '/v1/responses'],
    ['/v1/responses', '/hark', undefined, undefined],
    // Mounted by Express at /b: with basePath '/b', or without one.
    ['/b/v1/responses', '/b', '/b', '/v1/responses'],
    ['/b/v1/responses', '', '/b', '/v1/responses'],
    // Mounted at /b, basePath relative to the mount.
    ['/b/hark/v1/responses', '/hark', '/b', '/v1/responses'],
    ['/b', '', '/b', '/'],
  ] as const)('%s with basePath %j mounted at %j → %s', (pathname, basePath, mountPath, route) => {
    expect(routePath(pathname, basePath, mountPath)).toBe(route);
  });
});
