import type { Metadata } from "next";
import { cache } from "react";
import { ReconnectNeeded } from "@/components/shell/reconnect-needed";
import { SegmentMembers } from "@/components/segments/segment-members";
import { loadSegment } from "@/lib/segments/server";
import { loadForPage, pageRecordId, RECONNECT_TITLE } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) =>
  loadForPage(workspace, (client) => loadSegment(client, pageRecordId(id))),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const segment = await load(workspace, id);
  return { title: segment.reconnect ? RECONNECT_TITLE : segment.data.name };
}

export default async function SegmentPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  const segment = await load(workspace, id);
  return segment.reconnect ? <ReconnectNeeded /> : <SegmentMembers segment={segment.data} />;
}
