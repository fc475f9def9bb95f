import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A form resolver loaded on its first use (the first check, usually on submit): zod and the
 * route's schema then stay out of a page's first load, for forms that are on screen at once
 * (the reply box, the ticket attributes). The resolver it loads is the one the form would use.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): Resolver<T> {
  let loaded: Promise<Resolver<T>> | null = null;
  return async (values, context, options) => {
    loaded ??= load();
    return (await loaded)(values, context, options);
  };
}
