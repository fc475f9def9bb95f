import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/notify";
import type { SavedView, ViewInputValues, ViewPatchValues } from "@/lib/views/schemas";
import { fetchJson } from "./fetcher";
import { invalidateAfterChange } from "./invalidate";
import { keys } from "./keys";

const base = (ws: string) => `/api/w/${encodeURIComponent(ws)}/views`;

export function viewsQuery(ws: string) {
  return queryOptions({
    queryKey: keys.views(ws),
    queryFn: async ({ signal }) => (await fetchJson<{ views: SavedView[] }>(base(ws), { signal })).views,
    staleTime: 60_000,
  });
}

/** Saved-view writes: each refreshes the list (sidebar and screens) and says what happened. */
export function useViewMutations(ws: string) {
  const client = useQueryClient();
  const refresh = () => invalidateAfterChange(client, ws, "views");
  const create = useMutation({
    mutationFn: (input: ViewInputValues) => fetchJson<SavedView>(base(ws), { method: "POST", body: input }),
    onSuccess: (view) => {
      toast.success(`Saved “${view.name}”`);
      return refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ViewPatchValues }) =>
      fetchJson<SavedView>(`${base(ws)}/${id}`, { method: "PATCH", body: patch }),
    onSuccess: (view) => {
      toast.success(`Updated “${view.name}”`);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => fetchJson(`${base(ws)}/${view.id}`, { method: "DELETE" }),
    onSuccess: (_, view) => {
      toast.success(`Deleted “${view.name}”`);
      return refresh();
    },
  });
  return { create, update, remove };
}
