import { RecordNotFound } from "@/components/records/record-not-found";

export default function TicketNotFound() {
  return <RecordNotFound what="ticket" list="tickets" />;
}
