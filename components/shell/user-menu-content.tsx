"use client";

import { KeyRound, LogOut, Monitor, Moon, Sun } from "lucide-react";
import Link from "next/link";
import { useTheme } from "next-themes";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutTo } from "@/lib/auth/client";
import { USER_TRIGGER, UserBadge, userLabel } from "./user-menu";
import { useWorkspace } from "./workspace-context";

export function UserMenuContent({ name, email, defaultOpen }: { name: string; email: string; defaultOpen?: boolean }) {
  const { theme, setTheme } = useTheme();
  const workspace = useWorkspace();
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger className={USER_TRIGGER} aria-label={userLabel(name)}>
        <UserBadge name={name} email={email} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" side="top" className="w-60">
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme ?? "system"} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="light">
            <Sun aria-hidden="true" /> Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <Moon aria-hidden="true" /> Dark
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <Monitor aria-hidden="true" /> System
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/w/${workspace.id}/sessions`}>
            <KeyRound aria-hidden="true" /> Active sessions
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOutTo("/signin")}>
          <LogOut aria-hidden="true" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
