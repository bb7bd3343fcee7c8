import { HarkNps } from './hark-nps.component.js';

export { HarkNps };

// Defining twice (the script included twice, two bundles) must not throw.
if (!customElements.get('hark-nps')) customElements.define('hark-nps', HarkNps);

declare global {
  interface HTMLElementTagNameMap {
    'hark-nps': HarkNps;
  }
}
