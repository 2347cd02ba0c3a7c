import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * A view whose code loads the first time it renders, so it stays out of what the sign-in page
 * downloads. `load` is a dynamic `import()` of the module that exports the view under `name`;
 * react-admin's layout shows its loader meanwhile (a Suspense boundary around every page).
 */
export function lazyView<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
