import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Intercom tokens at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the auth
 * secret. The associated data binds a ciphertext to its connection, so a token copied
 * onto another row does not decrypt.
 */
const VERSION = "v1";

export function deriveKey(secret: string): Buffer {
  if (!secret) throw new Error("An auth secret is required to encrypt tokens");
  return Buffer.from(hkdfSync("sha256", secret, "triage-dashboard", "intercom-token-encryption", 32));
}

export function encryptToken(key: Buffer, plaintext: string, associated: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), data.toString("base64url"), tag.toString("base64url")].join(".");
}

/** Throws when the ciphertext was altered, moved to another connection, or sealed under another key. */
export function decryptToken(key: Buffer, sealed: string, associated: string): string {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !data || !tag) throw new Error("Unrecognised token format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(associated, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
