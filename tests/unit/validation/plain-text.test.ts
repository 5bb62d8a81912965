// The shared rule for text from outside: control characters are refused, ordinary text of any script passes.
import { describe, expect, it } from "vitest";
import { findControlCharacterField, hasControlCharacters, plainText } from "@/lib/plain-text";
import { readSearchQuery } from "@/lib/people/rules";

describe("which text holds control characters", () => {
  it.each([
    { label: "a NUL byte", text: "Jan\u0000", refused: true },
    { label: "an escape character", text: "\u001b[31mrood", refused: true },
    { label: "DEL", text: "abc\u007f", refused: true },
    { label: "a C1 control", text: "a\u0085b", refused: true },
    { label: "a vertical tab", text: "a\u000bb", refused: true },
    { label: "a plain Dutch name", text: "Jan-Willem van 't Hof", refused: false },
    { label: "accents and other scripts", text: "Zoë Özdemir Łukasz 山田", refused: false },
    { label: "a multi-line message with tabs", text: "Hoi,\n\tkun jij?\r\nGroet", refused: false },
    { label: "an emoji", text: "Koffie ☕", refused: false },
  ])("$label → refused: $refused", ({ text, refused }) => {
    expect(hasControlCharacters(text)).toBe(refused);
    expect(plainText().safeParse(text).success).toBe(!refused);
  });
});

describe("finding the field that holds one", () => {
  it.each([
    { label: "a form field", input: formOf({ activity: "Koffie", notes: "x\u0000" }), field: "notes" },
    { label: "a nested object", input: { target: { kind: "selection", personIds: ["a", "b\u0000"] } }, field: "target.personIds.1" },
    { label: "a field name", input: { ["naam\u0000"]: "Jan" }, field: "_form" },
    { label: "clean input", input: formOf({ activity: "Koffie" }), field: null },
    { label: "a file's bytes are not text", input: fileForm(), field: null },
  ])("$label → $field", ({ input, field }) => {
    expect(findControlCharacterField(input)).toBe(field);
  });
});

describe("the people search box", () => {
  it.each([
    { label: "a NUL byte is refused, not searched", raw: "Sanne\u0000", result: { query: "", refused: true } },
    { label: "an ordinary name is tidied", raw: "  Sanne   de Vries ", result: { query: "Sanne de Vries", refused: false } },
    { label: "the first of repeated parameters counts", raw: ["Jan", "\u0000"], result: { query: "Jan", refused: false } },
    { label: "nothing typed", raw: undefined, result: { query: "", refused: false } },
  ])("$label", ({ raw, result }) => {
    expect(readSearchQuery(raw)).toEqual(result);
  });
});

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

function fileForm(): FormData {
  const form = new FormData();
  form.set("photo", new File([new Uint8Array([0, 1, 2, 0])], "foto.jpg", { type: "image/jpeg" }));
  return form;
}
