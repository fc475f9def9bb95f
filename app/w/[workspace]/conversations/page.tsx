import type { Metadata } from "next";
import { SearchScreen } from "@/components/search/search-screen";

export const metadata: Metadata = { title: "Conversations" };

export default function ConversationsPage() {
  return <SearchScreen resource="conversations" />;
}
