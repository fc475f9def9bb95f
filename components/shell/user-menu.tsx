"use client";

import { LazyMenu } from "@/components/ui/lazy-menu";

export const USER_TRIGGER = "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent";
export const userLabel = (name: string) => `Signed in as ${name}. Account menu`;

/** Who is signed in: initials, name and email (the account menu's trigger). */
export function UserBadge({ name, email }: { name: string; email: string }) {
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <>
      <span
        aria-hidden="true"
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold text-primary"
      >
        {initials}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{name}</span>
        <span className="block truncate text-xs text-muted-foreground">{email}</span>
      </span>
    </>
  );
}

/** The account menu (theme, sign out); its code loads when first opened. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <LazyMenu
      load={() => import("./user-menu-content").then((m) => m.UserMenuContent)}
      props={{ name, email }}
      trigger={(handlers) => (
        <button
          type="button"
          className={USER_TRIGGER}
          aria-label={userLabel(name)}
          aria-haspopup="menu"
          aria-expanded={false}
          {...handlers}
        >
          <UserBadge name={name} email={email} />
        </button>
      )}
    />
  );
}
