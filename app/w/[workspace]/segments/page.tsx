import type { Metadata } from "next";
import { SegmentsScreen } from "@/components/segments/segments-screen";
import { PageHeader } from "@/components/shell/page-header";
import { ReconnectNeeded } from "@/components/shell/reconnect-needed";
import { listSegments } from "@/lib/segments/server";
import { loadForPage } from "@/lib/server/page-data";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const segments = await loadForPage(workspace, listSegments);
  if (segments.reconnect) return <ReconnectNeeded />;
  return (
    <>
      <PageHeader title="Segments" description="Who you serve: every segment of the workspace with its members." />
      <SegmentsScreen segments={segments.data} />
    </>
  );
}
