import type { PropertyDeclarations, TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { HarkScaleSurvey } from '../../internal/scale-survey.js';

/** How the five points look: numbers, faces, or stars. */
export type CsatLook = 'numbers' | 'emoji' | 'stars';

const FACES = ['😠', '🙁', '😐', '🙂', '😄'] as const;

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

  protected override face(point: number): TemplateResult | string {
    if (this.look === 'emoji') return FACES[point - 1] ?? String(point);
    if (this.look === 'stars') return this.score !== undefined && point <= this.score ? '★' : '☆';
    return super.face(point);
  }
}
