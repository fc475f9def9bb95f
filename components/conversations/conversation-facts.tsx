import { Fact, PanelSection } from "@/components/records/side-panel";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { formatDateTime } from "@/lib/format/time";
import type { ConversationDetail } from "@/lib/records/detail-types";

/** A custom attribute's value in words: dates (by the attribute's type) in the workspace's timezone. */
function valueText(value: unknown, dataType: string | undefined, timezone: string): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (dataType === "date" && typeof value === "number") return formatDateTime(value, timezone);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The conversation's custom attributes, labelled as the workspace defines them, and where it came from. */
export function ConversationFacts({
  conv,
  catalog,
  timezone,
}: {
  conv: ConversationDetail;
  catalog: WorkspaceCatalog | null;
  timezone: string;
}) {
  const defined = new Map(
    (catalog?.dataAttributes ?? []).filter((a) => a.model === "conversation").map((a) => [a.name, a]),
  );
  const entries = Object.entries(conv.customAttributes);
  return (
    <>
      <PanelSection title="Conversation attributes">
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">None set</p>
        ) : (
          <dl>
            {entries.map(([name, value]) => (
              <Fact key={name} label={defined.get(name)?.label ?? name}>
                {valueText(value, defined.get(name)?.data_type, timezone)}
              </Fact>
            ))}
          </dl>
        )}
      </PanelSection>
      <PanelSection title="Details">
        <dl>
          <Fact label="Started">{formatDateTime(conv.createdAt, timezone)}</Fact>
          <Fact label="Updated">{formatDateTime(conv.updatedAt, timezone)}</Fact>
          {conv.source.url && <Fact label="Page">{conv.source.url}</Fact>}
          <Fact label="Conversation id">{conv.id}</Fact>
        </dl>
      </PanelSection>
    </>
  );
}
