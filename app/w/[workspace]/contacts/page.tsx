import type { Metadata } from "next";
import { SearchScreen } from "@/components/search/search-screen";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return <SearchScreen resource="contacts" />;
}
