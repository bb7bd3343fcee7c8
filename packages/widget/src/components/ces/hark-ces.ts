import { HarkCes } from './hark-ces.component.js';

export { HarkCes };

// Defining twice (the script included twice, two bundles) must not throw.
if (!customElements.get('hark-ces')) customElements.define('hark-ces', HarkCes);

declare global {
  interface HTMLElementTagNameMap {
    'hark-ces': HarkCes;
  }
}
