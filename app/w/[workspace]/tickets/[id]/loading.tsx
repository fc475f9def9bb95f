import { DetailSkeleton } from "@/components/records/detail-skeleton";

export default function TicketLoading() {
  return <DetailSkeleton label="Loading the ticket" />;
}
