import { RecordNotFound } from "@/components/records/record-not-found";

export default function ConversationNotFound() {
  return <RecordNotFound what="conversation" list="conversations" />;
}
