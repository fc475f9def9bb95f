import { RecordNotFound } from "@/components/records/record-not-found";

export default function SegmentNotFound() {
  return <RecordNotFound what="segment" list="segments" />;
}
