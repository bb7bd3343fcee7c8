import { StorageError } from './response-store.js';

/**
 * The storage drivers are optional peer dependencies: someone who only wants the fetch handler
 * (an edge runtime, their own store) installs neither. A store opened without its driver says
 * which package to install instead of failing with a bare "Cannot find module".
 */
export function missingDriverError(
  error: unknown,
  storage: string,
  driver: string,
  major: number,
): StorageError | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  // Only the driver itself: a module missing inside an installed driver is another problem.
  if (!notFound || typeof message !== 'string' || !message.includes(`'${driver}'`))
    return undefined;
  return new StorageError(
    `${storage} storage needs the ${driver} package, which is not installed: npm install ${driver}@${major}`,
    { cause: error },
  );
}
