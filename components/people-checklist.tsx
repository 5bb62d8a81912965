"use client";
import { useMemo, useState } from "react";
import { StatusText } from "@/components/ui/status-text";

export type ChecklistPerson = { id: string; name: string; /** Shown at the end of the row, e.g. their groups. */ detail?: string };

type PeopleChecklistProps = {
  people: ChecklistPerson[];
  /** Form field name of each checked id. */
  name: string;
  labels: { filter: string; noMatch: string; chosen: (count: number) => string };
  /** Show the name filter only from this many people on. */
  filterFrom?: number;
};

const fold = (value: string) =>
  value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * A checklist of people with a name filter ("zoe" finds "Zoë", words in any order, also in the
 * detail) and how many are chosen. Filtering only hides rows: chosen people stay chosen. After a
 * save the list may hold fewer people; those gone no longer count as chosen.
 */
export function PeopleChecklist({ people, name, labels, filterFrom = 0 }: PeopleChecklistProps) {
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => {
    const words = fold(filter).split(/\s+/).filter(Boolean);
    return new Set(people.filter((person) => words.every((word) => fold(`${person.name} ${person.detail ?? ""}`).includes(word))).map((person) => person.id));
  }, [filter, people]);
  const chosenCount = people.filter((person) => chosen.has(person.id)).length;

  return (
    <>
      {people.length >= filterFrom ? (
        <label className="mt-2 block">
          <span className="sr-only">{labels.filter}</span>
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder={labels.filter}
            autoComplete="off"
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-base"
          />
        </label>
      ) : null}
      <StatusText className="mt-2 text-sm font-medium text-stone-700">{labels.chosen(chosenCount)}</StatusText>
      <ul className="mt-1 max-h-96 divide-y divide-stone-100 overflow-y-auto rounded-xl border border-stone-200 bg-white">
        {people.map((person) => (
          <li key={person.id} hidden={!shown.has(person.id)}>
            <label className="flex min-h-12 items-center gap-3 px-3">
              <input
                type="checkbox"
                name={name}
                value={person.id}
                checked={chosen.has(person.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  setChosen(next);
                }}
                className="h-5 w-5 accent-brand-700"
              />
              <span className="flex-1">{person.name}</span>
              {person.detail ? <span className="text-sm text-stone-600">{person.detail}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {shown.size === 0 ? <p className="mt-2 text-stone-700">{labels.noMatch}</p> : null}
    </>
  );
}
