/** Test helpers: a sandbox on a free port, and a small client that talks to it over HTTP. */
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from "@/lib/sandbox";

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function bootSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: 42, log: () => {}, ...options });
}

/** Calls the sandbox's API as Intercom's would be called: a bearer token and JSON. */
export function client(baseUrl: string, token: string, version?: string) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(version ? { "Intercom-Version": version } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}
