import type { Trigger } from './survey-config.js';

/** Turns a glob into a RegExp: `*` any run without `/`, `**` any run, `?` one character. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*|\*|\?/g, (m) => (m === '**' ? '.*' : m === '*' ? '[^/]*' : '.'));
  return new RegExp(`^${source}$`);
}

/** Whether the page's URL matches a `url` trigger (glob on the path, or on the URL with `://`). */
export function urlMatches(
  trigger: { readonly match: string } | { readonly regex: string },
): boolean {
  if ('regex' in trigger) return new RegExp(trigger.regex).test(location.href);
  const glob = trigger.match;
  return globToRegExp(glob).test(glob.includes('://') ? location.href : location.pathname);
}

/**
 * Arms a survey's triggers; `fire` is called each time one fires (the caller decides whether
 * the survey may show). `event` triggers fire from `Hark.track()`, through `onTrack`. Returns a
 * function that disarms them all.
 */
export function armTriggers(
  triggers: readonly Trigger[],
  fire: () => void,
  onTrack: (listener: (name: string) => void) => () => void,
): () => void {
  const disarm: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener, { passive: true });
    disarm.push(() => target.removeEventListener(type, listener));
  };
  const every = (ms: number, tick: () => void) => {
    const timer = setInterval(tick, ms);
    disarm.push(() => clearInterval(timer));
  };
  for (const trigger of triggers) {
    switch (trigger.on) {
      case 'pageLoad':
        queueMicrotask(fire);
        break;
      case 'delay': {
        const timer = setTimeout(fire, trigger.seconds * 1000);
        disarm.push(() => clearTimeout(timer));
        break;
      }
      case 'url': {
        // Single-page apps change the URL without a load: look again on each navigation.
        const check = () => urlMatches(trigger) && fire();
        queueMicrotask(check);
        listen(window, 'popstate', check);
        listen(window, 'hashchange', check);
        const navigation = (window as { navigation?: EventTarget }).navigation;
        if (navigation) listen(navigation, 'navigatesuccess', check);
        break;
      }
      case 'event':
        disarm.push(onTrack((name) => name === trigger.name && fire()));
        break;
      case 'scroll':
        listen(window, 'scroll', () => {
          const seen = (scrollY + innerHeight) / document.documentElement.scrollHeight;
          if (seen * 100 >= trigger.percent) fire();
        });
        break;
      case 'timeOnPage': {
        let visible = 0;
        every(1000, () => {
          if (document.visibilityState === 'visible' && ++visible >= trigger.seconds) fire();
        });
        break;
      }
      case 'exitIntent':
        if (matchMedia('(pointer: fine)').matches) {
          listen(document, 'mouseout', (event) => {
            const { relatedTarget, clientY } = event as MouseEvent;
            if (relatedTarget === null && clientY <= 0) fire();
          });
        }
        break;
      case 'manual':
        break;
    }
  }
  return () => {
    for (const undo of disarm.splice(0)) undo();
  };
}
