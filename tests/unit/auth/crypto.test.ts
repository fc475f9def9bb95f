import { describe, expect, it } from "vitest";
import { decryptToken, deriveKey, encryptToken } from "@/lib/auth/crypto";

const key = deriveKey("a-long-random-auth-secret");
const token = "sbx_oat_abcdefghijklmnopqrstuvwxyz0123456789";

describe("token encryption", () => {
  it("round-trips a token", () => {
    const sealed = encryptToken(key, token, "user-1:ws-a");
    expect(decryptToken(key, sealed, "user-1:ws-a")).toBe(token);
  });

  it("never contains the token in clear and differs every time", () => {
    const a = encryptToken(key, token, "user-1:ws-a");
    const b = encryptToken(key, token, "user-1:ws-a");
    expect(a).not.toContain(token);
    expect(a).not.toBe(b);
  });

  it("detects a changed ciphertext, iv or tag", () => {
    const sealed = encryptToken(key, token, "user-1:ws-a");
    const parts = sealed.split(".");
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i], "base64url");
      bytes[0] ^= 0x01;
      const tampered = [...parts];
      tampered[i] = bytes.toString("base64url");
      expect(() => decryptToken(key, tampered.join("."), "user-1:ws-a")).toThrow();
    }
  });

  it("refuses a ciphertext moved to another connection", () => {
    const sealed = encryptToken(key, token, "user-1:ws-a");
    expect(() => decryptToken(key, sealed, "user-2:ws-a")).toThrow();
  });

  it("refuses a ciphertext sealed under another secret", () => {
    const sealed = encryptToken(deriveKey("another-secret"), token, "user-1:ws-a");
    expect(() => decryptToken(key, sealed, "user-1:ws-a")).toThrow();
  });

  it("refuses malformed input", () => {
    expect(() => decryptToken(key, "not-a-token", "x")).toThrow(/format/);
    expect(() => decryptToken(key, "v2.a.b.c", "x")).toThrow(/format/);
    expect(() => deriveKey("")).toThrow();
  });
});
