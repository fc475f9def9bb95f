/**
 * The planTypeChange case table's shape and its one check: every outcome, loss, error and the
 * request compared with what the case expects, so each case states only what matters to it.
 */
import { expect } from "vitest";
import type { StateCategory, TicketType } from "@/lib/intercom/schemas";
import { planTypeChange, resultingAttributes, type AttrValue, type DroppedAttribute } from "@/lib/tickets";
import { BILLING, TYPES, item } from "./fixtures";

export interface PlanCase {
  name: string;
  from: TicketType;
  state?: StateCategory;
  values: Record<string, unknown>;
  to: TicketType | string;
  stateId?: string | null;
  overrides?: Record<string, AttrValue | undefined>;
  /** Expected outcomes by attribute name; attributes not named must be "empty". */
  carried?: Record<string, AttrValue>;
  overridden?: Record<string, AttrValue>;
  needs?: string[];
  dropped?: Record<string, DroppedAttribute["reason"]>;
  /** Exactly these error keys, each message matching. */
  errors?: Record<string, RegExp>;
  /** The expected request when valid (errors empty). */
  request?: { ticket_state_id: string; ticket_attributes?: Record<string, AttrValue> };
}

export const BILLING_CARRIED = {
  _default_title_: "Export fails",
  _default_description_: "CSV export spins forever",
  Severity: item(BILLING, "Severity", "Medium"),
  "Affected users": 42,
};
export const BUG_TO_BILLING_LOST = {
  Browser: "not_on_new_type",
  "Steps to reproduce": "not_on_new_type",
  Regression: "not_on_new_type",
  "First seen": "not_on_new_type",
} as const;
export const BUG_TO_FEATURE_LOST = {
  Severity: "not_on_new_type",
  Browser: "different_data_type",
  "Steps to reproduce": "not_on_new_type",
  "Affected users": "not_on_new_type",
  Regression: "different_data_type",
  "First seen": "not_on_new_type",
} as const;
export const TITLES = { _default_title_: "Export fails", _default_description_: "CSV export spins forever" };

export function checkPlanCase(c: PlanCase): void {
  const ticket = { typeId: c.from.id, stateCategory: c.state ?? "submitted", attributes: c.values };
  const targetId = typeof c.to === "string" ? c.to : c.to.id;
  const plan = planTypeChange(ticket, TYPES, targetId, c.stateId === undefined ? null : c.stateId, c.overrides ?? {});

  const errors = c.errors ?? {};
  expect(Object.keys(plan.errors).sort()).toEqual(Object.keys(errors).sort());
  for (const [key, pattern] of Object.entries(errors)) expect(plan.errors[key]).toMatch(pattern);

  if (typeof c.to === "string") {
    expect(plan).toMatchObject({ target: null, attributes: [], dropped: [], request: null });
    return;
  }
  // One outcome per live attribute of the new type, in its order.
  expect(plan.attributes.map((o) => o.attribute.name)).toEqual(
    c.to.ticket_type_attributes.filter((a) => !a.archived).map((a) => a.name),
  );
  const byKind = (kind: string) =>
    Object.fromEntries(
      plan.attributes.filter((o) => o.kind === kind).map((o) => [o.attribute.name, "value" in o ? o.value : true]),
    );
  expect(byKind("carried")).toEqual(c.carried ?? {});
  expect(byKind("override")).toEqual(c.overridden ?? {});
  expect(Object.keys(byKind("needs_value"))).toEqual(c.needs ?? []);
  const named = new Set([...Object.keys(c.carried ?? {}), ...Object.keys(c.overridden ?? {}), ...(c.needs ?? [])]);
  expect(Object.keys(byKind("empty"))).toEqual(
    plan.attributes.map((o) => o.attribute.name).filter((n) => !named.has(n)),
  );
  expect(Object.fromEntries(plan.dropped.map((d) => [d.attribute.name, d.reason]))).toEqual(c.dropped ?? {});
  for (const d of plan.dropped) expect(d.value).toEqual(c.values[d.attribute.name]);

  if (Object.keys(errors).length > 0) {
    expect(plan.request).toBeNull();
  } else {
    const given = Object.fromEntries(Object.entries(c.overrides ?? {}).filter(([, v]) => v !== undefined));
    // Only the overrides travel: Intercom carries the rest itself.
    expect(plan.request?.ticket_attributes).toEqual(Object.keys(given).length ? given : undefined);
    if (c.request) expect(plan.request).toEqual({ ticket_type_id: c.to.id, ...c.request });
    expect(plan.stateId).toBe(plan.request!.ticket_state_id);
    expect(resultingAttributes(plan)).toEqual({ ...c.carried, ...c.overridden });
  }
}
