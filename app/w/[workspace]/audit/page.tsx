import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditScreen } from "@/components/audit/audit-screen";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change made through the dashboard in this workspace: who made it, when, to what, and the values before and after."
      />
      <Suspense fallback={<Skeleton className="h-64" aria-label="Loading the audit log" />}>
        <AuditScreen />
      </Suspense>
    </>
  );
}
