// The results dashboard: sign in with the admin token (a session cookie, never stored by this
// script), pick a survey, read its score, trend, distribution, splits, themes and latest comments.
// Every chart has a table with the same numbers; comments are rendered as text.
import {
  type AnswerComment,
  type BandThemes,
  type GroupSummary,
  KIND_RESULTS,
  type KindBreakdown,
} from '@hark/protocol';
import { html, nothing, render, type TemplateResult } from 'lit';
import { comments, results, SignInNeeded, signIn, themes } from './api.js';
import { distributionChart, trendChart } from './trend-chart.js';

const app = document.getElementById('app') as HTMLElement;
app.replaceChildren(); // the static heading is for the moment before this script runs
const params = new URLSearchParams(location.search);
let surveyId = params.get('survey') ?? '';
let band = '';
let search = '';
let period: 'day' | 'week' = 'day';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const show = (v: number | null) => (v === null ? '–' : number.format(v));

function page(body: TemplateResult | typeof nothing, status = ''): void {
  render(
    html`<h1>Hark results</h1>
      <form class="inline" @submit=${onPick}>
        <label>Survey id <input name="survey" required .value=${surveyId} autocomplete="off" /></label>
        <button type="submit">Show</button>
      </form>
      <p role="status">${status}</p>
      ${body}`,
    app,
  );
  app.removeAttribute('aria-busy');
}

function signInForm(message = ''): void {
  page(
    html`<section aria-labelledby="sign-in">
      <h2 id="sign-in">Sign in</h2>
      <form class="inline" @submit=${onSignIn}>
        <label>Admin token <input name="token" type="password" required autocomplete="current-password" /></label>
        <button type="submit">Sign in</button>
      </form>
      ${message ? html`<p class="error" role="alert">${message}</p>` : nothing}
    </section>`,
  );
}

async function onSignIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const token = new FormData(event.target as HTMLFormElement).get('token');
  if (typeof token === 'string' && (await signIn(token))) await load();
  else signInForm('That token is not right.');
}

async function onPick(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  surveyId = String(new FormData(event.target as HTMLFormElement).get('survey') ?? '').trim();
  history.replaceState(null, '', `?survey=${encodeURIComponent(surveyId)}`);
  await load();
}

function groupTable(
  caption: string,
  first: string,
  groups: readonly GroupSummary[],
): TemplateResult {
  return html`<table>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${first}</th><th scope="col">Score</th><th scope="col">± 95%</th><th scope="col">Answers</th></tr></thead>
    <tbody>
      ${groups.map(
        (g) =>
          html`<tr><td>${g.key ?? '(none)'}</td><td>${show(g.score)}</td><td>${show(g.marginOfError)}</td><td>${g.count}</td></tr>`,
      )}
    </tbody>
  </table>`;
}

function kindSection(k: KindBreakdown): TemplateResult {
  const id = `kind-${k.kind}`;
  return html`<section aria-labelledby=${id}>
    <h2 id=${id}>${KIND_RESULTS[k.kind].label}</h2>
    <dl class="score">
      <div><dt>Score</dt><dd data-testid="${k.kind}-score">${show(k.overall.score)}</dd></div>
      <div><dt>Margin of error (95%)</dt><dd data-testid="${k.kind}-margin">± ${show(k.overall.marginOfError)}</dd></div>
      <div><dt>Answers</dt><dd data-testid="${k.kind}-count">${k.overall.count}</dd></div>
    </dl>
    <h3 id="${id}-trend">Score by ${period}, with its 95% confidence band</h3>
    <fieldset class="inline">
      <legend>Trend by</legend>
      ${(['day', 'week'] as const).map(
        (p) =>
          html`<label class="choice"><input type="radio" name="${id}-period" value=${p} .checked=${period === p} @change=${onPeriod} /> ${p === 'day' ? 'Day' : 'Week'}</label>`,
      )}
    </fieldset>
    <figure>${trendChart(k.kind, period === 'day' ? k.byDay : k.byWeek, `${id}-trend`)}</figure>
    ${groupTable(`Score by ${period}`, period === 'day' ? 'Day' : 'Week', period === 'day' ? k.byDay : k.byWeek)}
    <h3 id="${id}-distribution">Answers by score</h3>
    <figure>${distributionChart(k.distribution, `${id}-distribution`)}</figure>
    <table>
      <caption>Answers by score</caption>
      <thead><tr><th scope="col">Score</th><th scope="col">Answers</th></tr></thead>
      <tbody>${k.distribution.map((d) => html`<tr><td>${d.score}</td><td>${d.count}</td></tr>`)}</tbody>
    </table>
    <h3>Splits</h3>
    ${groupTable('By language', 'Locale', k.byLocale)}
    ${groupTable('By variant', 'Variant', k.byVariant)}
    ${groupTable('By page', 'Page path', k.byPage)}
  </section>`;
}

function themesSection(list: readonly BandThemes[]): TemplateResult {
  return html`<section aria-labelledby="themes">
    <h2 id="themes">Comment themes</h2>
    ${
      list.length === 0
        ? html`<p>No comments yet.</p>`
        : list.map(
            (
              t,
            ) => html`<h3>${t.kind.toUpperCase()} ${t.band}s (${t.comments} comment${t.comments === 1 ? '' : 's'})</h3>
              <p>Words: ${t.words.map((w) => `${w.text} (${w.count})`).join(', ') || '–'}</p>
              <p>Phrases: ${t.phrases.map((w) => `${w.text} (${w.count})`).join(', ') || '–'}</p>`,
          )
    }
  </section>`;
}

function commentsSection(list: readonly AnswerComment[]): TemplateResult {
  return html`<section aria-labelledby="latest">
    <h2 id="latest">Latest comments</h2>
    <form class="inline" @submit=${onFilter}>
      <label>Score band
        <select name="band" .value=${band}>
          <option value="">All</option>
          <option value="detractor">Detractors (low)</option>
          <option value="passive">Passives (middle)</option>
          <option value="promoter">Promoters (high)</option>
        </select>
      </label>
      <label>Containing <input name="q" type="search" .value=${search} /></label>
      <button type="submit">Filter</button>
    </form>
    <ul class="comments" aria-live="polite">
      ${
        list.length === 0
          ? html`<li>No comments match.</li>`
          : list.map(
              (c) => html`<li lang=${c.locale}>
                <p>${c.comment}</p>
                <p class="meta" lang="en">${c.kind.toUpperCase()} ${c.score} (${c.band}) · ${c.locale} · ${c.answeredAt.slice(0, 16).replace('T', ' ')} UTC${c.variant ? ` · variant ${c.variant}` : ''}</p>
              </li>`,
            )
      }
    </ul>
  </section>`;
}

async function onPeriod(event: Event): Promise<void> {
  period = (event.target as HTMLInputElement).value === 'week' ? 'week' : 'day';
  await load(`Showing the trend by ${period}.`);
  // The radios were drawn anew: keep the keyboard on the one just chosen.
  document.querySelector<HTMLInputElement>(`input[type="radio"][value="${period}"]`)?.focus();
}

async function onFilter(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  band = String(data.get('band') ?? '');
  search = String(data.get('q') ?? '');
  await load(`Showing ${band || 'all'} comments${search ? ` containing “${search}”` : ''}.`);
}

async function load(status = ''): Promise<void> {
  if (surveyId === '') {
    page(nothing, 'Enter a survey id.');
    return;
  }
  try {
    const [r, t, c] = await Promise.all([
      results(surveyId),
      themes(surveyId),
      comments(surveyId, band, search),
    ]);
    page(
      html`${r.kinds.length === 0 ? html`<p>No answers for ${surveyId} yet.</p>` : r.kinds.map(kindSection)}
        ${themesSection(t.themes)} ${commentsSection(c.comments)}`,
      status,
    );
  } catch (error) {
    if (error instanceof SignInNeeded) signInForm();
    else page(html`<p class="error" role="alert">${String(error)}</p>`);
  }
}

void load();
