// custom-elements.json, generated from the components' source and JSDoc: `pnpm --filter @hark/widget manifest`.

/** Reactive state (Lit `state: true`) has no attribute, and `#fire(type, …)` is not an event named "type". */
const INTERNAL_STATE = new Set(['state', 'invalid', 'announcement']);

function dropInternals() {
  return {
    name: 'hark-drop-internals',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (a) => !INTERNAL_STATE.has(a.fieldName ?? a.name),
            );
          }
          if (declaration.events)
            declaration.events = declaration.events.filter((e) => e.name !== 'type');
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/scale-survey.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropInternals()],
};
