import type { Metadata } from "next";
import { cache } from "react";
import { ConversationView } from "@/components/conversations/conversation-view";
import { loadConversationDetail } from "@/lib/records/detail";
import { loadForPage, pageRecordId } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) => loadForPage(workspace, (client) => loadConversationDetail(client, pageRecordId(id))));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const conversation = await load(workspace, id);
  return { title: conversation.title ?? conversation.subject };
}

export default async function ConversationPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  return <ConversationView id={id} initial={await load(workspace, id)} />;
}
