import "server-only";
import type { AuthOptions } from "next-auth";
import { headers } from "next/headers";
import { authSecret, config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { meSchema } from "@/lib/intercom/schemas";
import { REGIONS } from "@/lib/intercom/regions";
import { recordAccountEvent } from "@/lib/audit/account";
import { recordAudit } from "@/lib/audit/store";
import { findConnection, findUserIdByEmail, upsertConnection, upsertUser } from "./connections";
import { intercomProvider, type SignInTarget } from "./provider";
import { SANDBOX_CREDENTIALS } from "./sandbox-credentials";
import { getSessionUser, sessionCookieName } from "./session";
import { createSession, endSession } from "./sessions";

/** The session cookie: never readable by scripts, not sent on cross-site requests, https-only over https. */
export function sessionCookieOptions(publicUrl: string) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: publicUrl.startsWith("https://") };
}

/** Why a sign-in was refused, shown on the sign-in page. */
export const SIGN_IN_ERRORS = {
  unverified:
    "Intercom has not verified this teammate's email address, so it cannot be used to sign in. Verify the email in Intercom, then try again.",
  email_mismatch:
    "That workspace was authorized by a teammate with a different email. Connect workspaces with the same verified email you signed in with.",
  profile: "Intercom did not say which workspace this is. Try again.",
  AccessDenied: "Sign-in was cancelled.",
  OAuthCallback: "Intercom did not complete the sign-in. Try again.",
  OAuthSignin: "Could not start the sign-in with Intercom. Try again.",
  Callback: "Sign-in did not complete: it was cancelled, or Intercom refused it. Try again.",
  state:
    "This sign-in link was not started in this browser, or it was already used, so nobody was signed in. Start again from this page.",
  expired: "Your session ended. Sign in again to carry on where you were.",
  Default: "Sign-in did not complete. Try again.",
} as const;

export function signInTargets(): SignInTarget[] {
  const c = config();
  const targets: SignInTarget[] = [];
  if (c.intercom) for (const region of REGIONS) targets.push({ kind: "intercom", region });
  if (c.sandbox.enabled) targets.push({ kind: "sandbox", url: c.sandbox.url });
  return targets;
}

let cached: AuthOptions | undefined;

/** Built on first use, not at import: `next build` imports routes without a data folder. */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const c = config();
  const providers = signInTargets().map((target) =>
    intercomProvider(target, target.kind === "sandbox" ? SANDBOX_CREDENTIALS : c.intercom!),
  );
  cached = {
    secret: authSecret(),
    providers,
    // The cookie lives no longer than the session; the session itself is held on the server.
    session: { strategy: "jwt", maxAge: c.session.maxAgeS },
    // Secure cookies (and the __Secure- name) whenever the dashboard is served over https.
    useSecureCookies: c.publicUrl.startsWith("https://"),
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions(c.publicUrl) } },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      // A lead cancelling on Intercom's page is not a server error.
      error(code, metadata) {
        const message =
          metadata instanceof Error ? metadata.message : String((metadata as { error?: Error })?.error?.message);
        if (code.startsWith("OAUTH_CALLBACK") && message === "access_denied") return;
        console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
    events: {
      // Signing out ends the session on the server: the cookie, if kept or copied, no longer works.
      async signOut({ token }) {
        if (!token?.sid || !token.uid) return;
        const db = await getDb();
        if (await endSession(db, token.uid, token.sid))
          await recordAccountEvent(
            db,
            { id: token.uid, email: token.email ?? "", name: token.name ?? null },
            "auth.sign_out",
            "Signed out",
          );
      },
    },
    callbacks: {
      async signIn({ account, profile }) {
        const me = meSchema.safeParse(profile);
        if (!account?.access_token || !me.success || !me.data.app) return "/signin?error=profile";
        if (me.data.email_verified !== true) return "/signin?error=unverified";
        const email = me.data.email.toLowerCase();
        const already = (await getSessionUser())?.email.toLowerCase() ?? null;
        if (already && already !== email) return "/signin?error=email_mismatch";
        const db = await getDb();
        const userId = await upsertUser(db, email, me.data.name);
        const existing = await findConnection(db, userId, me.data.app.id_code);
        await upsertConnection(db, {
          userId,
          workspaceId: me.data.app.id_code,
          workspaceName: me.data.app.name,
          region: me.data.app.region.toUpperCase(),
          timezone: me.data.app.timezone,
          target: account.provider === "intercom-sandbox" ? "sandbox" : "intercom",
          adminId: me.data.id,
          adminName: me.data.name,
          adminEmail: email,
          accessToken: account.access_token,
        });
        const app = me.data.app;
        await recordAudit(db, {
          workspaceId: app.id_code,
          actor: { userId, email, name: me.data.name, adminId: me.data.id },
          action: already ? "workspace.connected" : "auth.sign_in",
          recordType: "workspace",
          recordId: app.id_code,
          summary: already ? `${existing ? "Reconnected" : "Connected"} ${app.name}` : `Signed in with ${app.name}`,
          after: { region: app.region.toUpperCase(), admin: email, reconnected: existing !== null },
        });
        return true;
      },
      async jwt({ token, account, profile }) {
        // Only who the lead is and which server-side session this is go into the cookie: never a token.
        if (account && token.email) {
          const db = await getDb();
          const uid = (await findUserIdByEmail(db, token.email)) ?? undefined;
          const me = meSchema.safeParse(profile);
          if (me.success && me.data.app) token.ws = me.data.app.id_code;
          // Connecting another workspace keeps this browser's live session; a new sign-in starts one.
          const current = await getSessionUser();
          if (uid)
            token.sid =
              current?.id === uid
                ? current.sessionId
                : await createSession(db, { userId: uid, ...(await requestDevice()) }, c.session);
          token.uid = uid;
        }
        return { sub: token.sub, uid: token.uid, email: token.email, name: token.name, ws: token.ws, sid: token.sid };
      },
      async session({ session, token }) {
        session.user = { id: String(token.uid ?? ""), email: token.email ?? "", name: token.name ?? "" };
        session.workspace = token.ws;
        return session;
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        // A callback URL kept in a cookie is not checked on the way in: one that does not parse goes home.
        return URL.canParse(url) && new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
  };
  return cached;
}

/** The browser and address a sign-in came from, for the lead's list of sessions. */
async function requestDevice(): Promise<{ userAgent: string | null; ip: string | null }> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { userAgent: h.get("user-agent"), ip: forwarded || h.get("x-real-ip") || null };
}
