import type { Metadata } from "next";
import { cache } from "react";
import { ReconnectNeeded } from "@/components/shell/reconnect-needed";
import { ContactView } from "@/components/contacts/contact-view";
import { loadContactDetail } from "@/lib/contacts/detail";
import { loadForPage, pageRecordId, RECONNECT_TITLE } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) =>
  loadForPage(workspace, (client) => loadContactDetail(client, workspace, pageRecordId(id))),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const contact = await load(workspace, id);
  if (contact.reconnect) return { title: RECONNECT_TITLE };
  return { title: contact.data.name ?? contact.data.email ?? "Contact" };
}

export default async function ContactPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  const contact = await load(workspace, id);
  return contact.reconnect ? <ReconnectNeeded /> : <ContactView contact={contact.data} />;
}
