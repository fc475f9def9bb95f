import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return <PageHeader title="Jobs" />;
}
