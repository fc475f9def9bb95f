import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Conversations" };

export default function ConversationsPage() {
  return <PageHeader title="Conversations" />;
}
