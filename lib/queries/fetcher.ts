/** The browser's way to the server: JSON in, JSON out, `{error}` turned into ApiError. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds to wait before trying again, from a 429's `Retry-After`. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }

  get needsReconnect(): boolean {
    return this.code === "reconnect_required";
  }

  /** The dashboard's session ended: signed out, ended from another device, idle or expired. */
  get sessionEnded(): boolean {
    return this.status === 401 && this.code === "unauthenticated";
  }
}

interface ErrorShape {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

export async function fetchJson<T>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(
      0,
      "network_error",
      "The dashboard's server could not be reached. Check your connection and try again.",
    );
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const shape = (json ?? {}) as ErrorShape;
    const own = shape.error;
    const code = own?.code ?? `http_${res.status}`;
    const message = own?.message ?? describeStatus(res.status);
    throw new ApiError(res.status, code, message, own?.fields, retryAfterSeconds(res.headers.get("Retry-After")));
  }
  return json as T;
}

/** `Retry-After` in seconds (a number, or an HTTP date); null when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function describeStatus(status: number): string {
  if (status === 429) return "Intercom's rate limit was reached. Wait a few seconds and try again.";
  if (status >= 500) return "Intercom or the dashboard's server had a problem. Try again.";
  return `The request failed (${status}).`;
}

/** The sign-in page, coming back to where the lead is now. */
export function signInAgainUrl(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/signin?${new URLSearchParams({ error: "expired", callbackUrl: here })}`;
}
