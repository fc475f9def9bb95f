import { Badge } from "@/components/ui/badge";

export function RegionBadge({ region, target }: { region: string; target: "intercom" | "sandbox" }) {
  return (
    <Badge
      variant={target === "sandbox" ? "warning" : "secondary"}
      title={target === "sandbox" ? `Sandbox workspace, region ${region}` : `Hosted in region ${region}`}
    >
      {region}
      {target === "sandbox" && <span className="sr-only"> sandbox</span>}
    </Badge>
  );
}
