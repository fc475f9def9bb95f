import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/queries/fetcher";

/** Where a server error not tied to one field is kept: `formState.errors.root.server`. */
export const SERVER_ERROR = "root.server" as const;

/** What the helper needs of a form (`useForm()`'s return has both). */
interface ErrorTarget<T extends FieldValues> {
  getValues: () => T;
  setError: UseFormSetError<T>;
}

/**
 * Whether `path` names a field of the form: a top-level value it holds ("name"), or an entry
 * of a group it holds ("ticket_attributes.Priority", which may not have a value yet).
 */
function holds(values: unknown, path: string): boolean {
  const parts = path.split(".");
  let at: unknown = values;
  for (const [i, part] of parts.entries()) {
    if (typeof at !== "object" || at === null) return false;
    if (!Object.hasOwn(at, part)) return i > 0 && i === parts.length - 1;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * The one way a form shows what the server refused: each of the route's field errors
 * (`{error: {fields}}`) beside the field of the same name (or the one `fieldFor` names),
 * and anything else (no fields, a field the form has not got, a network failure) as the
 * form's own error, read from `formState.errors.root.server`.
 */
export function applyServerErrors<T extends FieldValues>(
  form: ErrorTarget<T>,
  error: unknown,
  fieldFor: (key: string) => string | null = (key) => key,
): void {
  const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
  const values = form.getValues();
  let placed = 0;
  let first = true;
  for (const [key, message] of Object.entries(fields)) {
    const name = fieldFor(key);
    if (name === null || !holds(values, name)) continue;
    form.setError(name as FieldPath<T>, { type: "server", message }, { shouldFocus: first });
    first = false;
    placed += 1;
  }
  if (placed < Object.keys(fields).length || placed === 0) {
    const message = error instanceof Error ? error.message : "Something went wrong. Try again.";
    form.setError(SERVER_ERROR, { type: "server", message });
  }
}
