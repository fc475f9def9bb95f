import type { Metadata } from "next";
import { cache } from "react";
import { ReconnectNeeded } from "@/components/shell/reconnect-needed";
import { ConversationView } from "@/components/conversations/conversation-view";
import { loadConversationDetail } from "@/lib/records/detail";
import { loadForPage, pageRecordId, RECONNECT_TITLE } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) =>
  loadForPage(workspace, (client) => loadConversationDetail(client, pageRecordId(id))),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const conversation = await load(workspace, id);
  if (conversation.reconnect) return { title: RECONNECT_TITLE };
  return { title: conversation.data.title ?? conversation.data.subject };
}

export default async function ConversationPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  const conversation = await load(workspace, id);
  return conversation.reconnect ? <ReconnectNeeded /> : <ConversationView id={id} initial={conversation.data} />;
}
