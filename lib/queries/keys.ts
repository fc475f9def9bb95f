/** Layered query keys: everything about a workspace starts with ['w', ws]. */
export const keys = {
  workspace: (ws: string) => ["w", ws] as const,
  overview: (ws: string) => ["w", ws, "overview"] as const,
};
