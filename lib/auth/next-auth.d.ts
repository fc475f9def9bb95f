import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    /** The workspace signed in with most recently (an id_code, not a secret). */
    workspace?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The workspace the lead signed in with most recently. */
    ws?: string;
    /** The server-side session (lib/auth/sessions.ts) this cookie belongs to. */
    sid?: string;
  }
}
