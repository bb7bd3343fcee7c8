// The demo page's own script, as a site would write it: commands go through the window.hark
// queue, so they work whether or not hark.js has loaded yet.
window.hark = window.hark || [];

const SURVEYS = ['demo-nps', 'demo-csat', 'demo-ces', 'demo-checkout'].concat(
  ...['nps', 'csat', 'ces'].map((kind) =>
    ['corner', 'tab', 'modal'].map((mode) => `demo-${kind}-${mode}`),
  ),
);

/** Fetches the collector's results for every demo survey, lists those with answers, returns the text. */
async function showResults() {
  const lines = [];
  const links = [];
  for (const id of SURVEYS) {
    const response = await fetch(`/results?surveyId=${id}`);
    if (!response.ok) continue;
    const body = await response.json();
    for (const { kind, overall, byVariant } of body.kinds) {
      const margin = overall.marginOfError === null ? '' : ` ± ${overall.marginOfError}`;
      const n = overall.count;
      const variants = byVariant
        .filter((g) => g.key !== null)
        .map((g) => `${g.key}: ${g.score} (${g.count})`);
      lines.push(
        `${id} (${kind.toUpperCase()}): ${overall.score}${margin} from ${n} answer${n === 1 ? '' : 's'}` +
          (variants.length > 0 ? ` — by variant ${variants.join(', ')}` : ''),
      );
      links.push(id);
    }
  }
  const text = lines.length > 0 ? lines.join('\n') : 'No answers yet.';
  const results = document.getElementById('results');
  if (results.textContent === text) return text;
  results.textContent = text;
  const list = document.getElementById('links');
  list.replaceChildren();
  if (links.length > 0) list.append('As JSON: ');
  links.forEach((id, i) => {
    const a = document.createElement('a');
    a.href = `/results?surveyId=${id}`;
    a.textContent = id;
    list.append(...(i > 0 ? [', '] : []), a);
  });
  return text;
}

/** Says the results (fresh) through the status region, once, because the visitor asked. */
async function announceResults() {
  const said = document.getElementById('results-said');
  said.textContent = ''; // the same text again is a change, so asking twice says it twice
  said.textContent = await showResults();
}

document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('[data-show]')) {
    button.addEventListener('click', () => window.hark.push(['show', button.dataset.show]));
  }
  document.getElementById('checkout').addEventListener('click', () => {
    window.hark.push(['track', 'checkout_completed']);
  });
  const language = document.getElementById('language');
  language.value = document.documentElement.lang;
  language.addEventListener('change', () => {
    document.documentElement.lang = language.value;
    document.documentElement.dir = language.value === 'ar' ? 'rtl' : 'ltr';
  });
  document.getElementById('announce-results').addEventListener('click', announceResults);
  // Answers arrive in the background: look every two seconds (shown, not announced).
  void showResults();
  setInterval(showResults, 2000);
  document.body.dataset.ready = 'true';
});
