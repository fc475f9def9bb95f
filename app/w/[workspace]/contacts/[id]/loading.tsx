import { DetailSkeleton } from "@/components/records/detail-skeleton";

export default function ContactLoading() {
  return <DetailSkeleton label="Loading the contact" />;
}
