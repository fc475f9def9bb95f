"use client";

import { EyeOff } from "lucide-react";
import { MessageBody } from "@/components/records/message-body";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/time";
import type { ConversationDetail } from "@/lib/records/detail-types";

/** The message that started the conversation, at the head of its timeline, with redact. */
export function FirstMessage({
  conv,
  tz,
  sourceAuthor,
  onRedact,
}: {
  conv: ConversationDetail;
  tz: string;
  sourceAuthor: string;
  onRedact: () => void;
}) {
  const source = conv.source;
  return (
    <article aria-label={`First message from ${sourceAuthor}`} className="rounded-lg border bg-card p-4">
      <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="text-sm font-medium">{sourceAuthor}</span>
        <span className="text-xs text-muted-foreground">started this {formatDateTime(conv.createdAt, tz)}</span>
        {!source.redacted && source.bodyHtml && (
          <Button
            variant="ghost"
            size="icon-sm"
            className="ml-auto size-7"
            aria-label="Redact the first message"
            onClick={onRedact}
          >
            <EyeOff aria-hidden="true" />
          </Button>
        )}
      </header>
      {conv.subject && conv.title === null && source.bodyHtml === null && <p className="text-sm">{conv.subject}</p>}
      {source.redacted ? (
        <p className="flex items-center gap-1.5 text-sm italic text-muted-foreground">
          <EyeOff className="size-3.5" aria-hidden="true" /> This message was redacted.
        </p>
      ) : source.bodyHtml ? (
        <MessageBody html={source.bodyHtml} imageHosts={source.imageHosts} />
      ) : (
        <p className="text-sm text-muted-foreground">No text.</p>
      )}
    </article>
  );
}
