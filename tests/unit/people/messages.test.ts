// Every refusal the people domain can give has a text in both languages.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { profileErrorKeys } from "@/lib/people/schemas";
import { profileFieldOrder } from "@/lib/people/rules";

const photoRefusals = ["empty", "tooLarge", "unsupportedType", "heicUnavailable", "tooManyPixels", "unreadable", "notEditable", "failed"];

describe.each([
  { language: "Dutch", messages: nl },
  { language: "English", messages: en },
])("$language texts", ({ messages }) => {
  it.each(profileErrorKeys.map((key) => ({ key })))("profile error $key", ({ key }) => {
    expect(messages.profile.errors[key]).toMatch(/\S/);
  });
  it.each(photoRefusals.map((key) => ({ key })))("photo refusal $key", ({ key }) => {
    expect(messages.profile.photo.errors[key as keyof typeof messages.profile.photo.errors]).toMatch(/\S/);
  });
  it.each(profileFieldOrder.map((field) => ({ field })))("field label $field", ({ field }) => {
    expect(messages.profile.fields[field]).toMatch(/\S/);
  });
});
