/**
 * The Intercom API versions the dashboard speaks and what each one offers: the one place code
 * asks "which version". Safe for the browser (the workspace's version reaches pages through
 * the workspace context).
 */

export const INTERCOM_VERSIONS = ["2.14", "2.15", "2.16", "Preview"] as const;
export type IntercomVersion = (typeof INTERCOM_VERSIONS)[number];

/** The Intercom-Version the dashboard speaks unless `INTERCOM_VERSION` says otherwise. */
export const DEFAULT_INTERCOM_VERSION: IntercomVersion = "2.16";

export function isIntercomVersion(value: string): value is IntercomVersion {
  return (INTERCOM_VERSIONS as readonly string[]).includes(value);
}

/** `INTERCOM_VERSION` as configured: unset means the default; anything but the four versions stops the start. */
export function parseIntercomVersion(value: string | undefined): IntercomVersion {
  const v = value?.trim();
  if (!v) return DEFAULT_INTERCOM_VERSION;
  if (!isIntercomVersion(v))
    throw new Error(`INTERCOM_VERSION must be one of 2.14, 2.15, 2.16 or Preview; it is "${v}"`);
  return v;
}

/** A conversation's priority levels, from 2.16 (before, a conversation is a priority or not). */
export const PRIORITY_LEVELS = ["none", "low", "medium", "high", "urgent"] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];
export const PRIORITY_LEVEL_LABELS: Record<PriorityLevel, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

/** What differs between the versions, for what the dashboard does. */
export interface VersionFeatures {
  /** POST /tickets/{id}/change_type. */
  changeType: boolean;
  /** GET /data_attributes?model=conversation (gone from 2.16). */
  conversationAttributes: boolean;
  /** Conversation priority as a level (none, low, medium, high, urgent) rather than on/off. */
  priorityLevels: boolean;
}
export type VersionFeature = keyof VersionFeatures;

const atLeast = (version: IntercomVersion, since: IntercomVersion) =>
  INTERCOM_VERSIONS.indexOf(version) >= INTERCOM_VERSIONS.indexOf(since);

export function featuresOf(version: IntercomVersion): VersionFeatures {
  const from2_16 = atLeast(version, "2.16");
  return { changeType: from2_16, conversationAttributes: !from2_16, priorityLevels: from2_16 };
}

const FEATURES: VersionFeature[] = ["changeType", "priorityLevels", "conversationAttributes"];
const ABOUT: Record<VersionFeature, { label: string; why: (v: IntercomVersion) => string }> = {
  changeType: {
    label: "Change a ticket's type",
    why: (v) => `Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses ${v}`,
  },
  priorityLevels: {
    label: "Conversation priority levels",
    why: (v) =>
      `Priority levels need Intercom API 2.16 or later; this workspace uses ${v}, which marks a conversation as priority or not`,
  },
  conversationAttributes: {
    label: "Search by conversation custom attributes",
    why: (v) => `Conversation attributes can't be listed with Intercom API ${v}`,
  },
};

/** Why `version` lacks the feature, in words for the lead; null when it has it. */
export function whyUnavailable(feature: VersionFeature, version: IntercomVersion): string | null {
  return featuresOf(version)[feature] ? null : ABOUT[feature].why(version);
}

/** Every version-dependent feature, on or off with the reason, as the settings page lists them. */
export function versionFeatures(
  version: IntercomVersion,
): { key: VersionFeature; label: string; on: boolean; reason: string | null }[] {
  return FEATURES.map((key) => ({
    key,
    label: ABOUT[key].label,
    on: featuresOf(version)[key],
    reason: whyUnavailable(key, version),
  }));
}
