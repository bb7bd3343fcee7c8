import type { Server } from 'node:http';
import { isIPv4, isIPv6, type Socket } from 'node:net';

/**
 * Caps the connections open at once from one client address: a connection over the cap is reset
 * as soon as it is accepted, before it holds a parser or a timer. IPv6 clients are grouped by
 * their /64, since one host commonly holds a whole /64 and can pick a fresh address per socket.
 */
export function capConnectionsPerAddress(server: Server, cap: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const group = addressGroup(socket.remoteAddress);
    // No address: the peer is already gone and Node is closing the socket.
    if (group === undefined) return;
    const count = (open.get(group) ?? 0) + 1;
    if (count > cap) {
      // A reset frees the descriptor at once (no FIN handshake, no TIME_WAIT here).
      socket.resetAndDestroy();
      return;
    }
    open.set(group, count);
    socket.once('close', () => {
      const left = (open.get(group) ?? 1) - 1;
      if (left === 0) open.delete(group);
      else open.set(group, left);
    });
  });
}

/**
 * The group a client address is counted in: an IPv4 address itself (also when IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address's /64 prefix (`2001:db8:0:1::/64`).
 */
export function addressGroup(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const bare = address.replace(/%.*$/, '').toLowerCase();
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  if (mapped !== undefined) return mapped;
  return `${ipv6Groups(bare)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted tail as two). */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [Number.parseInt(piece, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
