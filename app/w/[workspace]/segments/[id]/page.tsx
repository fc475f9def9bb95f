import type { Metadata } from "next";
import { cache } from "react";
import { SegmentMembers } from "@/components/segments/segment-members";
import { loadSegment } from "@/lib/segments/server";
import { loadForPage, pageRecordId } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) => loadForPage(workspace, (client) => loadSegment(client, pageRecordId(id))));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  return { title: (await load(workspace, id)).name };
}

export default async function SegmentPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  return <SegmentMembers segment={await load(workspace, id)} />;
}
