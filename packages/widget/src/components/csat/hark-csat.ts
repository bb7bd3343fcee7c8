import { HarkCsat } from './hark-csat.component.js';

export { HarkCsat };

// Defining twice (the script included twice, two bundles) must not throw.
if (!customElements.get('hark-csat')) customElements.define('hark-csat', HarkCsat);

declare global {
  interface HTMLElementTagNameMap {
    'hark-csat': HarkCsat;
  }
}
