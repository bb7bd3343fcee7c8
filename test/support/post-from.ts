import { request } from 'node:http';

/**
 * POSTs a submission to a collector's v1 endpoint from a chosen loopback source address
 * (127.0.0.2, 127.0.0.3…), so that the server sees distinct peers; the status and the JSON answer.
 */
export function postFrom(
  baseUrl: string,
  localAddress: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${baseUrl}/v1/responses`);
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': bytes.byteLength },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        res.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(bytes);
  });
}
