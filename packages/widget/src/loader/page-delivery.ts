// The page's Delivery per collector, shared by every survey the loader shows (and, from npm, by
// every createHark() instance): one outbox flush loop per collector, however many mount.
import { Delivery } from '../delivery/delivery.js';
import { PENDING_KEY } from './ui-module.js';

const deliveries = new Map<string, Promise<Delivery>>();

/** One Delivery per collector for the page, started once. */
export function deliveryTo(collector: string): Promise<Delivery> {
  let delivery = deliveries.get(collector);
  if (delivery === undefined) {
    delivery = Delivery.create({ endpoint: collector }).then((d) => {
      // The flag tells later pages to load delivery; it goes once the outbox is empty.
      d.addEventListener('hark-delivered', async () => {
        if ((await d.pending()) === 0) setPending(false);
      });
      d.start();
      return d;
    });
    deliveries.set(collector, delivery);
  }
  return delivery;
}

export function setPending(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(PENDING_KEY, '1');
    else localStorage.removeItem(PENDING_KEY);
  } catch {
    // storage blocked: the outbox is still flushed whenever a survey loads delivery
  }
}

/**
 * Stops sending to `collector` (npm's `destroy()`); what waits stays in the outbox, for the next
 * Delivery or page. Kept out of the survey UI chunk, which the script tag never asks to stop.
 */
export async function stopDelivery(collector: string): Promise<void> {
  const delivery = deliveries.get(collector);
  deliveries.delete(collector);
  (await delivery)?.stop();
}
