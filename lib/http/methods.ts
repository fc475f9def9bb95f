import { errorResponse } from "./errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Refusal = () => Response;

/**
 * Handlers for the methods a route does not serve, so they answer a JSON 405 with `Allow`
 * like every other refusal, rather than the framework's empty one:
 * `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`
 */
export function otherMethods<A extends Method>(...allowed: A[]): Record<Exclude<Method, A>, Refusal> {
  const allow = [...allowed, ...(allowed.includes("GET" as A) ? ["HEAD"] : [])].join(", ");
  const refuse: Refusal = () =>
    errorResponse("method_not_allowed", `This address answers ${allowed.join(" and ")} only.`, undefined, {
      Allow: allow,
    });
  return Object.fromEntries(METHODS.filter((m) => !allowed.includes(m as A)).map((m) => [m, refuse])) as Record<
    Exclude<Method, A>,
    Refusal
  >;
}
