import type { Resource } from "@/lib/search/fields";
import { missingParameter } from "../errors";
import type { ApiContext } from "../router";
import type { ResourceRecords } from "../search/accessors";
import { compileQuery, paginate, parsePagination, type Page } from "../search/engine";
import { objectBody, onlyKeys } from "./validate";

/** POST /{resource}/search: validates the whole request before looking at any record. */
export function runSearch<R extends Resource>(
  ctx: ApiContext,
  resource: R,
  records: ResourceRecords[R][],
): Page<ResourceRecords[R]> {
  const body = objectBody(ctx.body);
  onlyKeys(body, ["query", "pagination"]);
  if (body.query === undefined) throw missingParameter("query");
  const predicate = compileQuery(resource, body.query, ctx.ws);
  const { perPage, cursor } = parsePagination(resource, body.pagination);
  return paginate(records.filter(predicate), perPage, cursor);
}
