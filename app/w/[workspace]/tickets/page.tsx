import type { Metadata } from "next";
import { SearchScreen } from "@/components/search/search-screen";

export const metadata: Metadata = { title: "Tickets" };

export default function TicketsPage() {
  return <SearchScreen resource="tickets" />;
}
