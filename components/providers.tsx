"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { LazyToaster } from "@/components/toaster";
import { ApiError } from "@/lib/queries/fetcher";

/** Query defaults: never retry what will fail again (auth, not found, bad input). */
function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError && error.status < 500 && error.status !== 429) return false;
          return count < 2;
        },
      },
    },
  });
}

/** `nonce`: the request's CSP nonce, for the theme's inline script that runs before the page paints. */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [client] = useState(makeQueryClient);
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={client}>
        <NuqsAdapter>{children}</NuqsAdapter>
        <LazyToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
