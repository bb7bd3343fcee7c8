// `@hark/widget/react` is types only (react.d.ts); importing it at run time does nothing.
export {};
