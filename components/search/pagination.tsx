"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

export const PAGE_SIZE_CHOICES = [20, 50, 150] as const;

interface Props {
  page: number;
  size: number;
  total: number;
  shown: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onSize: (size: number) => void;
}

/** Cursor paging: Intercom gives the next page's cursor; earlier cursors are kept in the URL. */
export function Pagination({ page, size, total, shown, hasNext, onPrevious, onNext, onSize }: Props) {
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = (page - 1) * size + shown;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 ? "No results" : `${from.toLocaleString()}–${to.toLocaleString()} of ${total.toLocaleString()}`}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 text-muted-foreground">
          <span>Rows per page</span>
          <NativeSelect className="w-20" value={String(size)} onChange={(e) => onSize(Number(e.target.value))}>
            {PAGE_SIZE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </NativeSelect>
        </label>
        <Button variant="outline" size="sm" onClick={onPrevious} disabled={page <= 1}>
          <ChevronLeft aria-hidden="true" /> Previous
        </Button>
        <span className="tabular-nums text-muted-foreground">Page {page}</span>
        <Button variant="outline" size="sm" onClick={onNext} disabled={!hasNext}>
          Next <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
