import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far each arrow moves along the scale; Left and Right as seen in left-to-right. */
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The keys of a radio group, the same in every engine. Native radios give one tab stop and
 * Space; their arrows do not agree (WebKit stops at the ends where Chromium and Firefox wrap), so
 * the arrows are handled here: they move and check, wrap, and mirror Left and Right in
 * right-to-left. Home and End go to the first and last point, and Enter chooses the focused
 * point instead of submitting the form, so a keyboard user never sends a survey by accident.
 */
export class ScaleKeyboardController implements ReactiveController {
  readonly #radios: () => readonly HTMLInputElement[];

  constructor(host: ReactiveControllerHost, radios: () => readonly HTMLInputElement[]) {
    this.#radios = radios;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Bind to the radio group's `keydown`. */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const radios = this.#radios().filter((radio) => !radio.disabled);
    let next: HTMLInputElement | undefined;
    let step = STEPS[event.key];
    if (step !== undefined) {
      // Right-to-left mirrors the sideways arrows, not Up and Down.
      if (/Left|Right/.test(event.key) && getComputedStyle(target).direction === 'rtl')
        step = -step;
      next = radios[(radios.indexOf(target) + step + radios.length) % radios.length];
    } else if (event.key === 'Home') next = radios[0];
    else if (event.key === 'End') next = radios.at(-1);
    else if (event.key === 'Enter') next = target;
    if (next === undefined) return;
    event.preventDefault();
    next.focus();
    // A click, as a native radio's arrows give: it checks the point and fires click, input and
    // change, and the survey chooses the score from that change.
    next.click();
  };
}
