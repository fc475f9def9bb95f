import { describe, expect, it } from "vitest";
import { applyServerErrors, SERVER_ERROR } from "@/lib/forms/server-errors";
import { ApiError } from "@/lib/queries/fetcher";

function fakeForm(values: Record<string, unknown>) {
  const set: { name: string; message?: string; focus?: boolean }[] = [];
  return {
    set,
    form: {
      getValues: () => values,
      setError: (name: string, error: { message?: string }, options?: { shouldFocus?: boolean }) =>
        void set.push({ name, message: error.message, focus: options?.shouldFocus }),
    },
  };
}

describe("applyServerErrors", () => {
  it("puts each field error beside its field, focusing the first", () => {
    const { form, set } = fakeForm({ name: "", shared: false });
    applyServerErrors(form, new ApiError(400, "invalid_input", "Check the name", { name: "Too long" }));
    expect(set).toEqual([{ name: "name", message: "Too long", focus: true }]);
  });

  it("keeps a field the form does not hold as the form's own error", () => {
    const { form, set } = fakeForm({ name: "" });
    applyServerErrors(form, new ApiError(400, "invalid_input", "Check the query", { query: "Bad", name: "Taken" }));
    expect(set.map((s) => s.name)).toEqual(["name", SERVER_ERROR]);
    expect(set[1].message).toBe("Check the query");
  });

  it("maps nested names and renamed fields", () => {
    const { form, set } = fakeForm({ value: 1, attributes: { size: 2 } });
    applyServerErrors(
      form,
      new ApiError(400, "invalid_input", "x", { "attributes.size": "Too big", Priority: "Pick one" }),
      (key) => (key === "Priority" ? "value" : key),
    );
    expect(set.map((s) => [s.name, s.message])).toEqual([
      ["attributes.size", "Too big"],
      ["value", "Pick one"],
    ]);
  });

  it("shows a refusal without fields, and a network failure, as the form's error", () => {
    const { form, set } = fakeForm({ body: "" });
    applyServerErrors(form, new ApiError(400, "intercom_refused", "Intercom said no"));
    applyServerErrors(form, new Error("Offline"));
    expect(set).toEqual([
      { name: SERVER_ERROR, message: "Intercom said no", focus: undefined },
      { name: SERVER_ERROR, message: "Offline", focus: undefined },
    ]);
  });
});
