"use client";

import { Bot, Star } from "lucide-react";
import type { Names } from "@/components/records/part-text";
import { StateBadge } from "@/components/search/columns/cells";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/time";
import { PRIORITY_LEVEL_LABELS } from "@/lib/intercom/versions";
import type { ConversationDetail } from "@/lib/records/detail-types";
import { RelativeTime } from "@/components/ui/relative-time";

const STATE_LABEL = { open: "Open", closed: "Closed", snoozed: "Snoozed" } as const;

/** The conversation's title and what a lead checks first: state, priority, channel, assignees, waiting, SLA, rating. */
export function ConversationHeader({ conv, names, tz }: { conv: ConversationDetail; names: Names; tz: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold">{conv.title ?? conv.subject}</h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StateBadge category={conv.state} label={STATE_LABEL[conv.state]} />
        {conv.priority && (
          <Badge variant="warning">
            <Star className="size-3 fill-current" aria-hidden="true" /> Priority
            {conv.priorityLevel && conv.priorityLevel !== "none"
              ? `: ${PRIORITY_LEVEL_LABELS[conv.priorityLevel]}`
              : ""}
          </Badge>
        )}
        {!conv.read && <Badge variant="default">Unread</Badge>}
        {conv.aiAgentParticipated && (
          <Badge variant="secondary">
            <Bot className="size-3" aria-hidden="true" /> AI agent took part
          </Badge>
        )}
        <span className="text-muted-foreground">
          via {conv.channel.replace(/_/g, " ")}
          {conv.deliveredAs ? ` (${conv.deliveredAs.replace(/_/g, " ")})` : ""}
        </span>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Assignee</dt>
          <dd>{names.admin(conv.adminAssigneeId) ?? "Unassigned"}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Team</dt>
          <dd>{names.team(conv.teamAssigneeId) ?? "None"}</dd>
        </div>
        {conv.waitingSince !== null && (
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Waiting since</dt>
            <dd>
              <RelativeTime ts={conv.waitingSince} title={formatDateTime(conv.waitingSince, tz)} />
            </dd>
          </div>
        )}
        {conv.snoozedUntil !== null && conv.state === "snoozed" && (
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Snoozed until</dt>
            <dd>{formatDateTime(conv.snoozedUntil, tz)}</dd>
          </div>
        )}
        {conv.sla && (
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">SLA</dt>
            <dd>
              {conv.sla.name}
              {conv.sla.status ? ` · ${conv.sla.status.replace(/_/g, " ")}` : ""}
            </dd>
          </div>
        )}
        {conv.rating?.rating != null && (
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Rating</dt>
            <dd title={conv.rating.remark ?? undefined}>
              {conv.rating.rating} / 5{conv.rating.remark ? ` · “${conv.rating.remark}”` : ""}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}
