import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { StatusText } from "@/components/ui/status-text";
import { Table, type TableColumn } from "@/components/ui/table";
import { TextAreaField } from "@/components/ui/text-area-field";

/** The value of one attribute on the first element that has the given id. */
function attributeOf(html: string, id: string, attribute: string): string | null {
  const element = html.match(new RegExp(`<[^>]*\\bid="${id}"[^>]*>`))?.[0];
  return element?.match(new RegExp(`\\b${attribute}="([^"]*)"`))?.[1] ?? null;
}

/** The checkbox with this accessible name. */
function checkbox(html: string, name: string): string | undefined {
  return html.match(new RegExp(`<input type="checkbox"[^>]*aria-label="${name}"[^>]*>`))?.[0];
}

describe("Field", () => {
  test("the label names the input through for=", () => {
    const html = renderToStaticMarkup(<Field id="email" name="email" label="E-mailadres" />);
    expect(html).toContain('<label for="email"');
    expect(html).toMatch(/<input[^>]*id="email"/);
    expect(attributeOf(html, "email", "aria-invalid")).toBeNull();
    expect(attributeOf(html, "email", "aria-describedby")).toBeNull();
  });

  test("a hint is read out with the input", () => {
    const html = renderToStaticMarkup(<Field id="password" label="Wachtwoord" hint="Minstens 12 tekens" />);
    expect(attributeOf(html, "password", "aria-describedby")).toBe("password-hint");
    expect(html).toMatch(/<p id="password-hint"[^>]*>Minstens 12 tekens<\/p>/);
  });

  test("an error marks the input invalid and is read out after the hint", () => {
    const html = renderToStaticMarkup(<Field id="phone" label="Telefoon" hint="Met netnummer" error="Dat is geen telefoonnummer" />);
    expect(attributeOf(html, "phone", "aria-invalid")).toBe("true");
    expect(attributeOf(html, "phone", "aria-describedby")).toBe("phone-hint phone-error");
    expect(html).toMatch(/<p id="phone-error" role="alert"[^>]*>Dat is geen telefoonnummer<\/p>/);
  });

  test("an error shown elsewhere in the form is pointed at and still marks the input invalid", () => {
    const html = renderToStaticMarkup(<Field id="email" label="E-mailadres" invalid aria-describedby="email-error" />);
    expect(attributeOf(html, "email", "aria-invalid")).toBe("true");
    expect(attributeOf(html, "email", "aria-describedby")).toBe("email-error");
  });

  test("a hint shown under the box is still read out before the error", () => {
    const html = renderToStaticMarkup(<Field id="postcode" label="Postcode" hint="Bijvoorbeeld 1234 AB" hintBelow error="Dat is geen postcode" width="short" />);
    expect(attributeOf(html, "postcode", "aria-describedby")).toBe("postcode-hint postcode-error");
    expect(html.indexOf('id="postcode-hint"')).toBeGreaterThan(html.indexOf("<input"));
    expect(attributeOf(html, "postcode", "class")).toContain("border-red-600");
  });

  test("without an id the label still names the input", () => {
    const html = renderToStaticMarkup(<Field label="Naam" hint="Zoals op je paspoort" />);
    const inputId = html.match(/<input[^>]*id="([^"]+)"/)?.[1];
    expect(inputId).toBeTruthy();
    expect(html).toContain(`for="${inputId}"`);
    expect(attributeOf(html, inputId!, "aria-describedby")).toBe(`${inputId}-hint`);
  });
});

describe("SelectField", () => {
  const days = [
    { value: "1", label: "maandag" },
    { value: "2", label: "dinsdag" },
  ];

  test("the label names the select, and every choice is an option", () => {
    const html = renderToStaticMarkup(<SelectField id="weekday" name="weekday" label="Dag" options={days} defaultValue="2" />);
    expect(html).toContain('<label for="weekday"');
    expect(html).toMatch(/<select[^>]*id="weekday"/);
    expect(html).toMatch(/<option value="2" selected="">dinsdag<\/option>/);
    expect(attributeOf(html, "weekday", "aria-invalid")).toBeNull();
  });

  test("a hint and an error are read out with the select, which is marked invalid", () => {
    const html = renderToStaticMarkup(<SelectField id="zone" label="Tijdzone" hint="Bepaalt vandaag" error="Kies een tijdzone" options={days} />);
    expect(attributeOf(html, "zone", "aria-invalid")).toBe("true");
    expect(attributeOf(html, "zone", "aria-describedby")).toBe("zone-hint zone-error");
    expect(html).toMatch(/<p id="zone-error" role="alert"[^>]*>Kies een tijdzone<\/p>/);
  });

  test("a placeholder choice can be disabled so a required select cannot stay on it", () => {
    const html = renderToStaticMarkup(<SelectField id="day" name="day" label="Dag" options={[{ value: "", label: "—", disabled: true }, ...days]} defaultValue="" />);
    expect(html).toMatch(/<option value="" disabled="" selected="">—<\/option>/);
  });
});

describe("TextAreaField", () => {
  test("the label names the box; its hint and error are read out with it and the error marks it invalid", () => {
    const quiet = renderToStaticMarkup(<TextAreaField id="notes" name="notes" label="Opmerkingen" />);
    expect(quiet).toContain('<label for="notes"');
    expect(attributeOf(quiet, "notes", "aria-invalid")).toBeNull();
    const html = renderToStaticMarkup(<TextAreaField id="notes" name="notes" label="Opmerkingen" hint="Voor iedereen zichtbaar" error="Te lang" />);
    expect(html).toMatch(/<textarea[^>]*id="notes"/);
    expect(attributeOf(html, "notes", "aria-invalid")).toBe("true");
    expect(attributeOf(html, "notes", "aria-describedby")).toBe("notes-hint notes-error");
    expect(html).toContain("Te lang");
  });
});

describe("Alert", () => {
  test.each([
    { label: "an error interrupts", tone: "error" as const, role: "alert" },
    { label: "a success waits its turn", tone: "success" as const, role: "status" },
    { label: "a note waits its turn", tone: "info" as const, role: "status" },
    { label: "a warning waits its turn", tone: "warning" as const, role: "status" },
  ])("$label", ({ tone, role }) => {
    const html = renderToStaticMarkup(<Alert tone={tone}>Tekst</Alert>);
    expect(html).toMatch(new RegExp(`^<p role="${role}"`));
  });

  test("a message inside a live region of its own gets no role", () => {
    expect(renderToStaticMarkup(<Alert tone="success" role="none">Opgeslagen</Alert>)).not.toContain("role=");
  });
});

describe("StatusText and Button", () => {
  test("a status line is a polite live region without a role", () => {
    const html = renderToStaticMarkup(<StatusText>3 geselecteerd</StatusText>);
    expect(html).toBe('<p aria-live="polite">3 geselecteerd</p>');
  });

  test("a pending button is disabled and says it is working", () => {
    const html = renderToStaticMarkup(
      <Button variant="primary" type="submit" pending pendingLabel="Bezig…">
        Opslaan
      </Button>,
    );
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*>Bezig…<\/button>/);
  });
});

type Person = { id: string; name: string; town: string; blocked: boolean };
const people: Person[] = [
  { id: "p1", name: "Anna de Vries", town: "Utrecht", blocked: false },
  { id: "p2", name: "Bram Jansen", town: "Zeist", blocked: true },
];
const columns: TableColumn<Person>[] = [
  { key: "name", header: "Naam", cell: (person) => person.name, rowHeader: true, sort: { direction: "ascending", href: "?sort=name&dir=desc" } },
  { key: "town", header: "Woonplaats", cell: (person) => person.town, sort: { direction: null, href: "?sort=town" } },
  { key: "note", header: "Notitie", cell: () => "" },
];

describe("Table", () => {
  test("sortable headers say how the table is sorted; the others say nothing", () => {
    const html = renderToStaticMarkup(<Table caption="Personen" columns={columns} rows={people} rowKey={(person) => person.id} empty="Niemand" />);
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><a [^>]*href="\?sort=name&amp;dir=desc"/);
    expect(html).toMatch(/<th scope="col" aria-sort="none"[^>]*><a [^>]*href="\?sort=town"/);
    expect(html).toMatch(/<th scope="col" class="[^"]*">Notitie<\/th>/);
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="row"[^>]*>Anna de Vries<\/th>/);
  });

  test("selection has a named select-all box and a named box per selectable row", () => {
    const html = renderToStaticMarkup(
      <Table
        caption="Personen"
        columns={columns}
        rows={people}
        rowKey={(person) => person.id}
        empty="Niemand"
        selection={{
          selected: new Set(["p1"]),
          onChange: () => {},
          isSelectable: (person) => !person.blocked,
          selectAllLabel: "Selecteer alle 1 personen",
          rowLabel: (person) => `Selecteer ${person.name}`,
        }}
      />,
    );
    const selectAll = checkbox(html, "Selecteer alle 1 personen");
    expect(selectAll).toContain('checked=""');
    expect(html.indexOf(selectAll!)).toBeLessThan(html.indexOf("<tbody"));
    expect(checkbox(html, "Selecteer Anna de Vries")).toContain('checked=""');
    expect(html).not.toContain("Selecteer Bram Jansen");
  });

  test("without rows it shows the empty state instead of a table", () => {
    const html = renderToStaticMarkup(<Table caption="Personen" columns={columns} rows={[]} rowKey={(person) => person.id} empty={<p>Nog niemand gevonden</p>} />);
    expect(html).toContain("<p>Nog niemand gevonden</p>");
    expect(html).not.toContain("<table");
  });

  test("paging links sit in a named navigation with rel prev and next", () => {
    const html = renderToStaticMarkup(
      <Table
        caption="Auditlog"
        columns={columns}
        rows={people}
        rowKey={(person) => person.id}
        empty="Niets"
        paging={{ label: "Pagina's", previous: { href: "?page=1", label: "Vorige" }, next: { href: "?page=3", label: "Volgende" } }}
      />,
    );
    expect(html).toMatch(/<nav aria-label="Pagina&#x27;s"[^>]*><a [^>]*href="\?page=1"[^>]*>Vorige<\/a><a [^>]*href="\?page=3"[^>]*>Volgende<\/a><\/nav>/);
  });
});
