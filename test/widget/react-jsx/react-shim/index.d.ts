// biome-ignore-all lint/suspicious/noConfusingVoidType: as @types/react 19 declares it
// biome-ignore-all lint/complexity/noBannedTypes: as @types/react 19 declares it
// A stand-in for @types/react 19, which the workspace does not install: the same shape where
// Hark's JSX types touch it (`React.JSX.IntrinsicElements`, `DetailedHTMLProps`, `HTMLAttributes`,
// `ref`/`key`), so an augmentation that type-checks here does against the real one. The real
// React 19 check is the stranger-install test's.
export = React;
export as namespace React;

declare namespace React {
  type Key = string | number | bigint;
  interface RefObject<T> {
    current: T;
  }
  type RefCallback<T> = (instance: T | null) => void | (() => void);
  type Ref<T> = RefCallback<T> | RefObject<T | null> | null;
  interface Attributes {
    key?: Key | null | undefined;
  }
  interface RefAttributes<T> extends Attributes {
    ref?: Ref<T> | undefined;
  }
  interface ClassAttributes<T> extends RefAttributes<T> {}
  interface ReactElement<P = unknown, T = unknown> {
    type: T;
    props: P;
    key: string | null;
  }
  type ReactNode = ReactElement | string | number | bigint | boolean | null | undefined;
  interface SyntheticEvent<T = Element> {
    currentTarget: T;
  }
  interface DOMAttributes<T> {
    children?: ReactNode | Iterable<ReactNode> | undefined;
    onClick?: ((event: SyntheticEvent<T>) => void) | undefined;
    onError?: ((event: SyntheticEvent<T>) => void) | undefined;
  }
  interface HTMLAttributes<T> extends DOMAttributes<T> {
    className?: string | undefined;
    id?: string | undefined;
    hidden?: boolean | undefined;
    lang?: string | undefined;
    style?: Record<string, string | number> | undefined;
    title?: string | undefined;
  }
  type DetailedHTMLProps<E extends HTMLAttributes<T>, T> = ClassAttributes<T> & E;
  type FC<P> = (props: P) => ReactNode;
  type ElementType = string | FC<never>;

  function useRef<T>(initial: T | null): RefObject<T | null>;

  namespace JSX {
    type ElementType = React.ElementType;
    interface Element extends ReactElement<unknown, unknown> {}
    interface ElementClass {
      render(): ReactNode;
    }
    interface ElementAttributesProperty {
      props: {};
    }
    interface ElementChildrenAttribute {
      children: {};
    }
    type LibraryManagedAttributes<_C, P> = P;
    interface IntrinsicAttributes extends Attributes {}
    interface IntrinsicClassAttributes<T> extends ClassAttributes<T> {}
    interface IntrinsicElements {
      div: DetailedHTMLProps<HTMLAttributes<HTMLDivElement>, HTMLDivElement>;
    }
  }
}
