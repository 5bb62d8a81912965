// The secret-bearing parts of an outbox message (subject, HTML, text: sign-in links, reset links, codes)
// sealed at rest with AES-256-GCM, so a database dump or backup holds no usable token. The key is
// derived from AUTH_SECRET with HKDF under its own label, so it is never the key that signs sessions.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "@/lib/derived-keys";

export type MailBody = { subject: string; html: string; text: string };

/** Which row the sealed body belongs to: bound into the ciphertext, so it cannot be moved to another row or address. */
export type SealedBodyOwner = { id: string; toAddress: string };

export class UnreadableMailBodyError extends Error {
  constructor() {
    super("The mail body cannot be decrypted: AUTH_SECRET changed since it was written, or the row was altered");
    this.name = "UnreadableMailBodyError";
  }
}

const format = "v1";
/** The AES key's label (lib/derived-keys.ts): changing it leaves every stored sealed body unreadable. */
const keyLabel = "ploeg outbox body v1";
const ivBytes = 12; // 96 bits, GCM's native nonce size; random per message.
const tagBytes = 16;

function bodyKey(): Buffer {
  return derivedKey(keyLabel); // 32 bytes: AES-256
}

function associatedData(owner: SealedBodyOwner): Buffer {
  return Buffer.from(`outbox\n${owner.id}\n${owner.toAddress}`, "utf8");
}

/** "v1.<iv>.<ciphertext><tag>", base64url: text, so it fits a text column and every driver. */
export function sealMailBody(owner: SealedBodyOwner, body: MailBody): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", bodyKey(), iv, { authTagLength: tagBytes });
  cipher.setAAD(associatedData(owner));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${format}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}

/** Throws UnreadableMailBodyError when the key or the row does not match what sealed it. */
export function openMailBody(owner: SealedBodyOwner, sealed: string): MailBody {
  const [version, ivText, payloadText] = sealed.split(".");
  if (version !== format || !ivText || !payloadText) throw new UnreadableMailBodyError();
  const iv = Buffer.from(ivText, "base64url");
  const payload = Buffer.from(payloadText, "base64url");
  if (iv.length !== ivBytes || payload.length < tagBytes) throw new UnreadableMailBodyError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", bodyKey(), iv, { authTagLength: tagBytes });
    decipher.setAAD(associatedData(owner));
    decipher.setAuthTag(payload.subarray(payload.length - tagBytes));
    const plain = Buffer.concat([decipher.update(payload.subarray(0, payload.length - tagBytes)), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as MailBody;
  } catch {
    throw new UnreadableMailBodyError();
  }
}
