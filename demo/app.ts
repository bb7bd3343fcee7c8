// The demo page's script: real Hark surveys, delivered through the outbox to the collector that
// serves this page. Bundled by serve.mjs at start.
import '../packages/widget/src/components/survey/hark-survey.js';
import type { HarkSurvey } from '../packages/widget/src/components/survey/hark-survey.component.js';
import { Delivery, outboxSubmitter } from '../packages/widget/src/delivery/index.js';

const delivery = await Delivery.create({ endpoint: `${location.origin}/v1/responses` });
delivery.start();
const submitter = outboxSubmitter(delivery);

const status = document.getElementById('delivery') as HTMLElement;
async function showDelivery(): Promise<void> {
  const pending = await delivery.pending();
  const where = delivery.storage === 'indexeddb' ? 'IndexedDB' : 'memory (IndexedDB unavailable)';
  status.textContent = `Outbox (${where}): ${pending} answer${pending === 1 ? '' : 's'} waiting.`;
}
for (const type of ['hark-delivered', 'hark-error', 'hark-dropped', 'hark-storage-degraded']) {
  delivery.addEventListener(type, () => void showDelivery());
}

const results = document.getElementById('results') as HTMLElement;
async function showResults(): Promise<void> {
  const lines: string[] = [];
  for (const id of ['demo-nps', 'demo-csat', 'demo-ces']) {
    const body = (await (await fetch(`/results?surveyId=${id}`)).json()) as {
      kinds: Array<{
        kind: string;
        overall: { score: number | null; marginOfError: number | null; count: number };
      }>;
    };
    for (const { kind, overall } of body.kinds) {
      const margin = overall.marginOfError === null ? '' : ` ± ${overall.marginOfError}`;
      lines.push(
        `${id} (${kind.toUpperCase()}): ${overall.score}${margin} from ${overall.count} answer${overall.count === 1 ? '' : 's'}`,
      );
    }
  }
  results.textContent = lines.length > 0 ? lines.join('\n') : 'No answers yet.';
}
delivery.addEventListener('hark-delivered', () => void showResults());

for (const survey of document.querySelectorAll<HarkSurvey>('hark-survey'))
  survey.submitter = submitter;

document.getElementById('open-modal')?.addEventListener('click', () => {
  (document.getElementById('modal-survey') as HarkSurvey).show({ focus: true });
});
document.getElementById('show-corner')?.addEventListener('click', () => {
  (document.getElementById('corner-survey') as HarkSurvey).show();
});

await showDelivery();
await showResults();
document.body.dataset.ready = 'true';
