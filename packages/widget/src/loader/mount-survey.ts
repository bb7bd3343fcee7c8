// The survey UI chunk the loader imports when a survey is about to show: <hark-survey>, the
// outbox, and the wiring between them and the loader's frequency control.
import '../components/survey/hark-survey.js';
import type { HarkSurvey } from '../components/survey/hark-survey.component.js';
import { checkDefinition } from '../definition/survey-definition.js';
import { outboxSubmitter } from '../delivery/submitter.js';
import { hasFocusWithin } from '../internal/deep-active-element.js';
import { planFocusBack } from '../internal/focus-return.js';
import { deliveryTo, setPending } from './page-delivery.js';
import { scrubPii } from './scrub-pii.js';
import type { MountedSurvey, MountRequest } from './ui-module.js';

export async function mountSurvey(request: MountRequest): Promise<MountedSurvey | undefined> {
  const { definition } = request;
  const issues = checkDefinition(definition);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  ${i.path || '(definition)'} ${i.message}`).join('\n');
    console.error(
      `[hark] survey ${JSON.stringify(definition.id)} is invalid; nothing is shown.\n${lines}`,
    );
    return undefined;
  }
  let host: Element | null;
  try {
    host = request.target === undefined ? document.body : document.querySelector(request.target);
  } catch {
    host = null; // not a valid selector: reported as matching nothing
  }
  if (host === null) {
    console.error(`[hark] survey "${definition.id}": no element matches ${request.target}`);
    return undefined;
  }
  const delivery = await deliveryTo(request.collector);
  const submit = outboxSubmitter(delivery, {
    visitorId: request.visitorId,
    ...(Object.keys(request.metadata).length > 0 ? { metadata: request.metadata } : {}),
  });
  const survey = document.createElement('hark-survey') as HarkSurvey;
  survey.definition = definition;
  survey.presentation = request.presentation;
  if (request.locale !== undefined) survey.locale = request.locale;
  if (request.theme !== undefined) survey.theme = request.theme;
  survey.submitter = async (answer) => {
    const comment = answer.comment;
    setPending(true);
    await submit(request.scrubPii && comment ? { ...answer, comment: scrubPii(comment) } : answer);
    request.onAnswered();
  };
  survey.addEventListener('hark-dismiss', (event) => {
    request.onClosed(event.detail.answered);
    // After the survey's own focus return and closing, take it off the page. Focus was given back
    // inside it (a tab's launcher): move it on first, never leaving it to fall to <body>.
    setTimeout(() => {
      if (hasFocusWithin(survey)) planFocusBack(undefined, survey)();
      survey.remove();
    });
  });
  host.append(survey);
  // A tab survey shows its launcher; the visitor opens it.
  if (request.presentation === 'corner' || request.presentation === 'modal') {
    await survey.updateComplete;
    survey.show();
  }
  return survey;
}

export async function flushPending(collector: string): Promise<void> {
  const delivery = await deliveryTo(collector);
  await delivery.flush();
  if ((await delivery.pending()) === 0) setPending(false);
}
