import { html, type PropertyDeclarations, svg, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { HarkScaleSurvey } from '../../internal/scale-survey.js';

/** How the five points look: numbers, faces, or stars. */
export type CsatLook = 'numbers' | 'emoji' | 'stars';

/**
 * @summary Customer satisfaction: "How satisfied are you…", 1 (very dissatisfied) to 5 (very
 * satisfied). Every point is named by its number and its words ("2, Dissatisfied"), whatever
 * it looks like.
 *
 * Events, parts and custom properties: see `HarkScaleSurvey`.
 */
export class HarkCsat extends HarkScaleSurvey {
  // Lit merges these with the superclass's reactive properties.
  static override properties: PropertyDeclarations = {
    look: { type: String, reflect: true },
  };

  readonly kind = 'csat' as const;
  protected readonly min = 1;
  protected readonly max = 5;

  /** `numbers` (default), `emoji` (faces) or `stars`; the spoken labels are the same. */
  declare look: CsatLook;

  constructor() {
    super();
    this.look = 'numbers';
  }

  protected defaultQuestion(): string {
    return msg('How satisfied are you with your experience?', { id: 'csat-question' });
  }

  protected defaultEnds(): readonly [string, string] {
    return [msg('Very dissatisfied', { id: 'csat-1' }), msg('Very satisfied', { id: 'csat-5' })];
  }

  /** The middle points' words; 1 and 5 are named by the scale's ends (`defaultEnds`). */
  protected override pointLabel(point: number): string | undefined {
    return [
      msg('Dissatisfied', { id: 'csat-2' }),
      msg('Neither satisfied nor dissatisfied', { id: 'csat-3' }),
      msg('Satisfied', { id: 'csat-4' }),
    ][point - 2];
  }

  /**
   * Faces and stars are drawn, not emoji: where no emoji font covers U+1F641/U+1F642 they were
   * two identical empty boxes. Strokes in `currentColor`, so they follow the theme, the checked
   * state and forced colours (where `color` is the system's) without a colour of their own.
   */
  protected override face(point: number): TemplateResult | string {
    const bend = (point - 3) * 2.5; // the mouth: a frown (1), a straight line (3), a smile (5)
    const shape =
      this.look === 'stars'
        ? svg`<path fill=${this.score !== undefined && point <= this.score ? 'currentColor' : 'none'} d="M12 3l3 6 6 1-4.5 4.5 1 6.5-5.5-3-5.5 3 1-6.5L3 10l6-1z"/>`
        : this.look === 'emoji'
          ? svg`<circle cx="12" cy="12" r="9.5"/><path d="M9 9v1.5M15 9v1.5M7 ${15.5 - bend / 5}q5 ${bend} 10 0"/>`
          : undefined;
    return shape
      ? html`<svg viewBox="0 0 24 24" width="1em" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round">${shape}</svg>`
      : super.face(point);
  }
}
