import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return <PageHeader title="Segments" />;
}
