import { css } from 'lit';

export const surveyStyles = css`
  :host {
    display: contents;
  }

  .corner {
    position: fixed;
    inset: auto;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    width: min(26rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
  }

  :host([at-top]) .corner,
  :host([at-top]) .launcher {
    inset-block-start: 1rem;
    inset-block-end: auto;
  }

  /* Too tall for the screen and not in use: a bar (the question) that opens on focus. */
  :host([compact]) .corner:not(:focus-within) {
    max-height: 3.5rem;
    overflow: hidden;
  }

  /* A closed popover is hidden by the browser; this is for the fallback without the Popover API. */
  .corner[hidden] {
    display: none;
  }

  .launcher {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    min-height: 2.75rem;
    max-width: calc(100vw - 2rem);
    padding: 0 1rem;
    border: 1px solid var(--hark-accent, #0b57d0);
    border-radius: 999px;
    background: var(--hark-accent, #0b57d0);
    color: var(--hark-on-accent, #fff);
    font: 600 1rem / 1 var(--hark-font, inherit);
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .launcher:focus-visible {
    outline: 3px solid var(--hark-accent, #0b57d0);
    outline-offset: 2px;
  }

  :host([open]) .launcher {
    display: none;
  }

  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
    /*
     * No overflow: the browser's own (auto) lets a dialog taller than the screen (200% zoom, a
     * phone) scroll; visible left its end out of reach, as nothing behind a modal scrolls.
     */
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }


  @media (forced-colors: active) {
    .launcher {
      border-color: ButtonText;
    }
  }
`;
