-- A job keeps its selection in brief: a count of ids, or the query with a count of exclusions.
UPDATE "bulk_jobs"
SET "selection" = jsonb_build_object('kind', 'ids', 'count', jsonb_array_length("selection"->'ids'))
WHERE "selection"->>'kind' = 'ids' AND "selection" ? 'ids';
--> statement-breakpoint
UPDATE "bulk_jobs"
SET "selection" = jsonb_build_object(
  'kind', 'query',
  'query', "selection"->'query',
  'excluded', COALESCE(jsonb_array_length("selection"->'exclude'), 0)
)
WHERE "selection"->>'kind' = 'query' AND NOT "selection" ? 'excluded';
