import type { Metadata } from "next";
import { cache } from "react";
import { ContactView } from "@/components/contacts/contact-view";
import { loadContactDetail } from "@/lib/contacts/detail";
import { loadForPage, pageRecordId } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

const load = cache((workspace: string, id: string) => loadForPage(workspace, (client) => loadContactDetail(client, workspace, pageRecordId(id))));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const contact = await load(workspace, id);
  return { title: contact.name ?? contact.email ?? "Contact" };
}

export default async function ContactPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  return <ContactView contact={await load(workspace, id)} />;
}
