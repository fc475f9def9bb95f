import { DetailSkeleton } from "@/components/records/detail-skeleton";

export default function ConversationLoading() {
  return <DetailSkeleton label="Loading the conversation" />;
}
