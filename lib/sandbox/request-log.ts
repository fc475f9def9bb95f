/**
 * Every API request the sandbox answered, newest last, for tests and benchmarks to count
 * calls and to tell an applied change from a refused one. Control-surface and OAuth calls
 * are not API calls and are not logged.
 */
export interface LoggedRequest {
  seq: number;
  /** Milliseconds since the epoch, when the request arrived. */
  received_at: number;
  /** Milliseconds since the epoch, when the answer was sent (or the caller went away). */
  at: number;
  method: string;
  path: string;
  status: number;
  /** The workspace of the token, when it was valid. */
  workspace: string | null;
  /** The bearer token sent, valid or not (tests check a revoked one is not sent again). */
  token: string | null;
  /** The route's handler ran to the end: a change it makes took effect (even if the answer was then lost). */
  applied: boolean;
}

const MAX_ENTRIES = 50_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, "seq">): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Entries after `since`, optionally for one method, a path prefix, a workspace or a token. */
  query(filter: { since?: number; method?: string; pathPrefix?: string; workspace?: string; token?: string }): {
    last_seq: number;
    requests: LoggedRequest[];
  } {
    const requests = this.entries.filter(
      (e) =>
        e.seq > (filter.since ?? 0) &&
        (!filter.method || e.method === filter.method) &&
        (!filter.pathPrefix || e.path.startsWith(filter.pathPrefix)) &&
        (!filter.workspace || e.workspace === filter.workspace) &&
        (!filter.token || e.token === filter.token),
    );
    return { last_seq: this.seq, requests };
  }

  clear(): void {
    this.entries = [];
  }
}
