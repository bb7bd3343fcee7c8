// The page the delivery end-to-end tests drive: a Delivery on the real collector, nothing else.
import { Delivery, toResponse } from '../../packages/widget/src/delivery/index.js';

const params = new URLSearchParams(location.search);
const delivery = await Delivery.create({
  endpoint: params.get('endpoint') ?? `${location.origin}/v1/responses`,
  retry: { baseMs: 50, capMs: 400 },
  name: params.get('db') ?? 'hark-outbox',
});
for (const type of ['hark-dropped', 'hark-storage-degraded', 'hark-error'] as const) {
  delivery.addEventListener(type, (event) =>
    console.warn(type, JSON.stringify((event as CustomEvent).detail)),
  );
}
delivery.start();

const page = {
  delivery,
  /** Gives `count` answers to `surveyId`, as a visitor would, one after the other. */
  async answer(surveyId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await delivery.enqueue(toResponse({ surveyId, kind: 'nps', score: i % 11 }));
    }
  },
  pending: () => delivery.pending(),
  storage: () => delivery.storage,
};
(window as unknown as { hark: typeof page }).hark = page;
document.body.dataset.ready = 'true';
