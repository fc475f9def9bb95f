import type { Metadata } from "next";
import { JobsScreen } from "@/components/bulk/jobs-screen";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Bulk actions on tickets, run on the server at Intercom's pace. Open one for its tickets, to retry or to undo."
      />
      <JobsScreen />
    </>
  );
}
