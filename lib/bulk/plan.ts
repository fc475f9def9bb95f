/**
 * What a job stores of a plan. Every change's plan, undo and description live with its
 * definition in lib/changes; the bulk modules only name them.
 */
export type { Call, Plan as ItemPlan } from "@/lib/changes/types";
export { keptFor, planChange as planItem, planUndo } from "@/lib/changes/tickets";
