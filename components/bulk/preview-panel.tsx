"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { PreviewGroup, PreviewResult } from "@/lib/bulk/types";
import type { WorkspaceCatalog } from "@/lib/catalog/types";

const numbers = new Intl.NumberFormat("en");
const PAGE = 50;

/** One group's tickets, 50 a page. */
function TicketPages({ group }: { group: PreviewGroup }) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(group.tickets.length / PAGE);
  const shown = group.tickets.slice(page * PAGE, (page + 1) * PAGE);
  return (
    <div className="space-y-1.5 pl-5">
      <ul className="grid gap-x-4 text-xs sm:grid-cols-2" aria-label={`Tickets: ${group.reason}`}>
        {shown.map((t) => (
          <li key={t.id} className="truncate">
            <span className="font-mono">#{t.number}</span> {t.title}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <div className="flex items-center gap-2 text-xs">
          <Button type="button" size="sm" variant="outline" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </div>
      )}
    </div>
  );
}

function Groups({ title, groups, verb }: { title: string; groups: PreviewGroup[]; verb: string }) {
  const total = groups.reduce((n, g) => n + g.count, 0);
  if (total === 0) return null;
  return (
    <section aria-label={title} className="space-y-1.5">
      <h3 className="text-sm font-medium">
        {title}: {numbers.format(total)} {verb}
      </h3>
      <ul className="space-y-1 text-sm">
        {groups.map((g) => (
          <li key={g.reason}>
            <details>
              <summary className="cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-ring">
                <span className="mr-2 font-medium tabular-nums">{numbers.format(g.count)}</span>
                {g.reason}
              </summary>
              <TicketPages group={g} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The state each ticket type in the selection gets: one row per type, with that type's own
 * states (a type change: the new type's states, one row per type the tickets have now).
 */
export function StatesTable({
  preview,
  catalog,
  targetTypeId,
  states,
  onChange,
  disabled,
}: {
  preview: PreviewResult;
  catalog: WorkspaceCatalog;
  /** For a type change: the new type. */
  targetTypeId: string | null;
  states: Record<string, string>;
  onChange: (typeId: string, stateId: string) => void;
  disabled: boolean;
}) {
  const id = useId();
  const target = targetTypeId ? catalog.ticketTypes.find((t) => t.id === targetTypeId) : null;
  return (
    <table className="w-full text-sm" aria-labelledby={`${id}-caption`}>
      <caption id={`${id}-caption`} className="pb-1 text-left font-medium">
        {target ? `New state per ticket type` : "State per ticket type"}
      </caption>
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className="text-left font-normal">
            {target ? "Type now" : "Ticket type"}
          </th>
          <th scope="col" className="text-right font-normal">
            Tickets
          </th>
          <th scope="col" className="pl-3 text-left font-normal">
            {target ? `State in ${target.name}` : "New state"}
          </th>
        </tr>
      </thead>
      <tbody>
        {preview.types.map((row) => {
          const own = catalog.ticketTypes.find((t) => t.id === row.id);
          const options = (target ?? own)?.ticket_states ?? [];
          const value = states[row.id] ?? "";
          const same = target && target.id === row.id;
          const otherCategory = target && own && own.category !== target.category;
          return (
            <tr key={row.id} className="border-t">
              <th scope="row" className="py-1 text-left font-normal">
                {row.name}
              </th>
              <td className="py-1 text-right tabular-nums">{numbers.format(row.count)}</td>
              <td className="py-1 pl-3">
                {same || otherCategory ? (
                  <span className="text-muted-foreground">
                    {same ? "Already of that type" : `Cannot: ${own?.category} tickets keep their category`}
                  </span>
                ) : (
                  <div className="flex items-center gap-2">
                    <NativeSelect
                      aria-label={`State for ${row.name} tickets`}
                      className="w-48"
                      value={value}
                      disabled={disabled}
                      onChange={(e) => onChange(row.id, e.target.value)}
                    >
                      <option value="">{target ? "Same kind as now" : "None"}</option>
                      {options.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.internal_label}
                        </option>
                      ))}
                    </NativeSelect>
                    {!target && !value && <span className="font-medium text-destructive">Cannot</span>}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the job would do: counts, then every ticket of each outcome by what it becomes or why it is skipped. */
export function PreviewSummary({ preview }: { preview: PreviewResult }) {
  const satisfied = preview.satisfied.reduce((n, g) => n + g.count, 0);
  const cannot = preview.cannot.reduce((n, g) => n + g.count, 0);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(
          [
            ["Will change", preview.willChange],
            ["Already done", satisfied],
            ["Cannot", cannot],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-md border p-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{numbers.format(n)}</dd>
          </div>
        ))}
      </dl>
      {preview.notFound > 0 && (
        <p className="text-sm" role="note">
          {numbers.format(preview.notFound)} selected {preview.notFound === 1 ? "ticket was" : "tickets were"} not found
          in this workspace (deleted since, or never here).
        </p>
      )}
      <Groups title="Will change" groups={preview.change} verb="tickets" />
      <Groups title="Already done" groups={preview.satisfied} verb="skipped" />
      <Groups title="Cannot take this action" groups={preview.cannot} verb="skipped" />
    </div>
  );
}
