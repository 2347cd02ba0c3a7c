import { type ComponentType, type FunctionComponent, lazy, useState } from 'react';

export type LazyView<Props extends object = object> = FunctionComponent<Props> & {
  /** Starts loading the view's code now, so that it is there when the view first renders. */
  preload(): void;
};

/**
 * A view whose code loads the first time it renders (or is preloaded), so that it stays out of
 * what the sign-in page downloads. `load` is a dynamic `import()` of the module that exports the
 * view under `name`; react-admin's layout shows its loader meanwhile (a Suspense boundary around
 * every page). A failed load is tried again the next time.
 */
export function lazyView<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyView<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name];
        return { default: loaded };
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(loadOnce);

  const View = (props: Props) => {
    // Once the code is there (preloaded, or shown before) the view renders at once: React.lazy
    // would still suspend, showing the loader and rendering the page twice. Chosen once per
    // mount, since switching from one to the other would mount the page afresh.
    const [Component] = useState<ComponentType<Props>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  };
  // A failure shows when the view renders, where react-admin can say so.
  return Object.assign(View, { preload: () => void loadOnce().catch(() => undefined) });
}
