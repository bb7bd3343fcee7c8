import { css } from 'lit';

/*
 * Every inherited property is set on the card, so a host page's typography (huge root font
 * sizes aside, which the visitor may want) cannot leak in; nothing here can leak out (Shadow DOM).
 */
export const scaleSurveyStyles = css`
  /* Defaults in --_d-*, so the dark theme only swaps values and a page's --hark-* always wins. */
  :host {
    --_d-accent: #0b57d0;
    --_d-on-accent: #fff;
    --_d-surface: #fff;
    --_d-text: #1a1a1a;
    --_d-muted: #595959;
    --_d-border: #767676;
    --_d-error: #b3261e;
    --_accent: var(--hark-accent, var(--_d-accent));
    --_on-accent: var(--hark-on-accent, var(--_d-on-accent));
    --_surface: var(--hark-surface, var(--_d-surface));
    --_text: var(--hark-text, var(--_d-text));
    --_muted: var(--hark-muted-text, var(--_d-muted));
    --_border: var(--hark-border, var(--_d-border));
    --_error: var(--hark-error-text, var(--_d-error));
    --_radius: var(--hark-radius, 0.75rem);
    --_space: var(--hark-space, 1rem);
    display: block;
    max-width: var(--hark-max-width, 36rem);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_d-accent: #8ab4f8;
      --_d-on-accent: #0b1d3a;
      --_d-surface: #1f1f1f;
      --_d-text: #f1f1f1;
      --_d-muted: #c4c4c4;
      --_d-border: #9a9a9a;
      --_d-error: #ffb4ab;
    }
  }

  :host([theme='dark']) {
    --_d-accent: #8ab4f8;
    --_d-on-accent: #0b1d3a;
    --_d-surface: #1f1f1f;
    --_d-text: #f1f1f1;
    --_d-muted: #c4c4c4;
    --_d-border: #9a9a9a;
    --_d-error: #ffb4ab;
  }

  :host([hidden]) {
    display: none;
  }

  .card {
    box-sizing: border-box;
    position: relative;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--hark-font, inherit);
    font-size: var(--hark-font-size, 1rem);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    /* A long unbroken word (a URL, a product code) wraps rather than push the card off-screen. */
    overflow-wrap: anywhere;
    visibility: visible;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }

  .question {
    flex: 1;
    margin: 0 0 0.75rem;
    font-weight: 600;
    font-size: 1.0625em;
  }

  .dismiss {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
    margin-block-start: -0.375rem;
    margin-inline-end: -0.375rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: 50%;
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-size: 1.25em;
    line-height: 1;
    cursor: pointer;
  }

  .dismiss:hover {
    border-color: var(--_border);
  }

  form {
    margin: 0;
  }

  .scale {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(2.25rem, 1fr));
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .option {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    min-width: 24px;
    min-height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    user-select: none;
  }

  .option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .option:hover {
    border-color: var(--_accent);
  }

  .option:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }

  .option:has(input:focus-visible),
  .dismiss:focus-visible,
  .submit:focus-visible,
  textarea:focus-visible,
  .question:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .face {
    font-size: 1.5em;
    line-height: 1;
  }

  .ends {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 1rem;
    margin: 0.375rem 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /*
   * Side by side while each label's longest word fits, else one above the other: a word is
   * broken only when it is wider than the card.
   */
  .ends span {
    flex: 1;
    max-width: 100%;
    overflow-wrap: break-word;
  }

  .ends span:last-child {
    text-align: end;
  }

  .follow-up {
    margin: 0.75rem 0 0;
  }

  .follow-up label {
    display: block;
    margin-block-end: 0.25rem;
  }

  textarea {
    display: block;
    width: 100%;
    min-height: 4.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    resize: vertical;
  }

  .actions {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }

  .submit {
    min-height: 2.75rem;
    padding: 0 1.25rem;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .submit[aria-disabled='true'] {
    cursor: progress;
  }

  .error {
    margin: 0.5rem 0 0;
    color: var(--_error);
    font-weight: 600;
  }

  .thanks {
    margin: 0;
    font-weight: 600;
  }


  @media (forced-colors: active) {
    .option:has(input:checked) {
      border: 3px solid Highlight;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .option:has(input:focus-visible),
    .dismiss:focus-visible,
    .submit:focus-visible,
    textarea:focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .option {
      transition: background-color 120ms ease-out, border-color 120ms ease-out;
    }
  }
`;
