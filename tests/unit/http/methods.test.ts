import { describe, expect, it } from "vitest";
import { otherMethods } from "@/lib/http/methods";

describe("otherMethods", () => {
  it("answers every method a route does not serve with a JSON 405 naming the ones it does", async () => {
    const refused = otherMethods("GET", "POST");
    expect(Object.keys(refused).sort()).toEqual(["DELETE", "PATCH", "PUT"]);
    const res = refused.PUT();
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET, POST, HEAD");
    expect(await res.json()).toEqual({
      error: { code: "method_not_allowed", message: "This address answers GET and POST only." },
    });
  });

  it("offers HEAD only where GET is served", () => {
    expect(otherMethods("DELETE").GET().headers.get("Allow")).toBe("DELETE");
  });
});
