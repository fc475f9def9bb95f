/**
 * The Intercom-Versions the sandbox speaks, and what each one changes. Serializers and
 * endpoints ask `shapeOf(version)` rather than comparing version strings themselves.
 */
import { ApiError } from "./errors";

export const API_VERSIONS = ["2.14", "2.15", "2.16", "Preview"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Answered when no Intercom-Version header is sent, unless `SANDBOX_API_VERSION` or the control surface says otherwise. */
export const DEFAULT_API_VERSION: ApiVersion = "2.14";

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** Whether `version` is `since` or later (Preview comes after every numbered version). */
export function atLeast(version: ApiVersion, since: ApiVersion): boolean {
  return API_VERSIONS.indexOf(version) >= API_VERSIONS.indexOf(since);
}

/** A header naming a version the sandbox does not speak. */
export function unsupportedVersion(value: string): ApiError {
  return new ApiError(400, "intercom_version_invalid", `Requested version ${value} does not exist`);
}

/** An endpoint the requested version does not have: Intercom's documented answer. */
export function unavailableInVersion(): ApiError {
  return new ApiError(400, "intercom_version_invalid", "Requested resource is not available in current API version.");
}

export const PRIORITY_LEVELS = ["none", "low", "medium", "high", "urgent"] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];
export const PRIORITY_FLAGS = ["priority", "not_priority"] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

/** A level read through a version that only knows the on/off flag. */
export function priorityFlag(level: PriorityLevel): PriorityFlag {
  return level === "none" ? "not_priority" : "priority";
}

/**
 * A flag written through such a version: "not_priority" clears the level; "priority" keeps a
 * level already set, and otherwise sets "high" (the sandbox's choice; Intercom does not say).
 */
export function levelFromFlag(flag: PriorityFlag, current: PriorityLevel): PriorityLevel {
  if (flag === "not_priority") return "none";
  return current === "none" ? "high" : current;
}

/** Fin's resolution states as stored (2.15's names), and as 2.14 names them. */
export const AI_RESOLUTION_STATES = [
  "assumed_resolution",
  "confirmed_resolution",
  "escalated",
  "negative_feedback",
] as const;
export type AiResolutionState = (typeof AI_RESOLUTION_STATES)[number];
const AI_RESOLUTION_2_14: Record<AiResolutionState, string> = {
  assumed_resolution: "assumed_resolution",
  confirmed_resolution: "confirmed_resolution",
  escalated: "routed_to_team",
  negative_feedback: "abandoned",
};
export function aiResolutionState2_14(state: AiResolutionState): string {
  return AI_RESOLUTION_2_14[state];
}

/** What differs between the versions, for everything the sandbox serves. */
export interface VersionShape {
  version: ApiVersion;
  /** Tickets' admin_assignee_id/team_assignee_id: strings ("0" for none) before 2.16, integers (0) from 2.16. */
  ticketAssigneeIds: "string" | "integer";
  /** Conversations' assignee ids for nobody: null before 2.16, 0 from 2.16. */
  conversationUnassigned: null | 0;
  /** Conversation priority: the priority/not_priority flag before 2.16, a level from 2.16. */
  priority: "flag" | "level";
  /** event_details of conversation_attribute_updated_by_admin carries the previous value (2.15+). */
  attributeEventPrevious: boolean;
  /** event_details for priority_changed and snoozed parts (Preview). */
  lifecycleEventDetails: boolean;
  /** Contacts' owner_id: an integer before 2.16, a string from 2.16. */
  contactOwnerId: "integer" | "string";
  /** Fin's resolution_state vocabulary. */
  aiResolutionStates: "2.14" | "2.15";
  /** skip_notifications on conversation replies (2.15+). */
  replySkipNotifications: boolean;
  /** skip_unsnooze on admin conversation replies (Preview). */
  replySkipUnsnooze: boolean;
  /** ticket_state_id when converting a conversation (2.16+). */
  convertTicketStateId: boolean;
  /** admin_id on PUT /conversations/{id} (Preview). */
  updateConversationAdminId: boolean;
  /** GET /data_attributes?model=conversation (gone from 2.16, answered 422). */
  conversationDataAttributes: boolean;
}

export function shapeOf(version: ApiVersion): VersionShape {
  const from2_15 = atLeast(version, "2.15");
  const from2_16 = atLeast(version, "2.16");
  const preview = version === "Preview";
  return {
    version,
    ticketAssigneeIds: from2_16 ? "integer" : "string",
    conversationUnassigned: from2_16 ? 0 : null,
    priority: from2_16 ? "level" : "flag",
    attributeEventPrevious: from2_15,
    lifecycleEventDetails: preview,
    contactOwnerId: from2_16 ? "string" : "integer",
    aiResolutionStates: from2_15 ? "2.15" : "2.14",
    replySkipNotifications: from2_15,
    replySkipUnsnooze: preview,
    convertTicketStateId: from2_16,
    updateConversationAdminId: preview,
    conversationDataAttributes: !from2_16,
  };
}
