import { RecordNotFound } from "@/components/records/record-not-found";

export default function ContactNotFound() {
  return <RecordNotFound what="contact" list="contacts" />;
}
