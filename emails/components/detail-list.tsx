// Values the reader must get whatever the text says (username, temporary password, code, a message),
// shown in a box beside the customisable text.
import { Section, Text } from "@react-email/components";

export type EmailDetail = {
  label: string;
  value: string;
  /** Codes and passwords: large, monospaced, so 0/O and l/1 are told apart. */
  kind: "code" | "text";
};

const box = { backgroundColor: "#f5f5f4", borderRadius: "10px", margin: "0 0 24px", padding: "16px 20px" };
const label = { color: "#57534e", fontSize: "13px", lineHeight: "18px", margin: "0" };
const textValue = { color: "#1c1917", fontSize: "16px", lineHeight: "24px", margin: "2px 0 12px", whiteSpace: "pre-line" as const };
const codeValue = {
  color: "#1c1917",
  fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  fontSize: "22px",
  fontWeight: 600,
  letterSpacing: "0.08em",
  lineHeight: "30px",
  margin: "2px 0 12px",
};

export function DetailList({ details }: { details: EmailDetail[] }) {
  if (details.length === 0) return null;
  return (
    <Section style={box}>
      {details.map((detail) => (
        <div key={detail.label}>
          <Text style={label}>{detail.label}</Text>
          <Text style={detail.kind === "code" ? codeValue : textValue}>{detail.value}</Text>
        </div>
      ))}
    </Section>
  );
}
