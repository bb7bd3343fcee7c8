import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The keys a native radio group lacks. Native radios already give one tab stop, arrows that move
 * and check (wrapping, mirrored in right-to-left), and Space; this adds Home and End (first and
 * last point) and makes Enter choose the focused point instead of submitting the form, so a
 * keyboard user never sends a survey by accident.
 */
export class ScaleKeyboardController implements ReactiveController {
  readonly #radios: () => readonly HTMLInputElement[];
  readonly #choose: (radio: HTMLInputElement) => void;

  constructor(
    host: ReactiveControllerHost,
    radios: () => readonly HTMLInputElement[],
    choose: (radio: HTMLInputElement) => void,
  ) {
    this.#radios = radios;
    this.#choose = choose;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Bind to the radio group's `keydown`. */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const radios = this.#radios().filter((radio) => !radio.disabled);
    let next: HTMLInputElement | undefined;
    if (event.key === 'Home') next = radios[0];
    else if (event.key === 'End') next = radios.at(-1);
    else if (event.key === 'Enter') next = target;
    if (next === undefined) return;
    event.preventDefault();
    next.focus();
    this.#choose(next);
  };
}
