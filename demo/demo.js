// A stand-in for the Hark widget: builds wire protocol v1 submissions by hand.
const SURVEY_ID = 'demo-nps';
const scale = document.getElementById('scale');
const form = document.getElementById('nps');
const status = document.getElementById('status');
const results = document.getElementById('results');

for (let score = 0; score <= 10; score++) {
  const label = document.createElement('label');
  const input = Object.assign(document.createElement('input'), {
    type: 'radio',
    name: 'score',
    value: String(score),
  });
  const text = document.createElement('span');
  text.textContent = String(score);
  if (score === 0) input.setAttribute('aria-description', 'Not at all likely');
  if (score === 10) input.setAttribute('aria-description', 'Extremely likely');
  label.append(input, text);
  scale.append(label);
}

async function showResults() {
  const response = await fetch(`/results?surveyId=${SURVEY_ID}`);
  const body = await response.json();
  const nps = body.kinds.find((k) => k.kind === 'nps');
  results.textContent = nps
    ? `NPS ${nps.overall.score} ± ${nps.overall.marginOfError ?? '—'} from ${nps.overall.count} answer${nps.overall.count === 1 ? '' : 's'}`
    : 'No answers yet.';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const checked = form.querySelector('input[name="score"]:checked');
  if (!checked) {
    status.textContent = 'Choose a score from 0 to 10 first.';
    return;
  }
  const comment = form.querySelector('#comment').value.trim();
  const response = {
    id: crypto.randomUUID(),
    surveyId: SURVEY_ID,
    kind: 'nps',
    score: Number(checked.value),
    locale: document.documentElement.lang || 'en',
    pageUrl: location.href,
    answeredAt: new Date().toISOString(),
    sdk: { name: 'hark-demo', version: '0.1.0' },
    ...(comment ? { comment } : {}),
  };
  status.textContent = 'Sending…';
  try {
    const reply = await fetch('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, responses: [response] }),
    });
    const body = await reply.json();
    status.textContent = reply.ok
      ? 'Thank you! Your answer was stored.'
      : `Not stored: ${body.message}`;
    if (reply.ok) form.reset();
  } catch {
    status.textContent = 'Not sent: the collector could not be reached.';
  }
  await showResults();
});

showResults();
