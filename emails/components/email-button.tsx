// The big green button every member email leads with; large enough to hit with a thumb.
import { Button, Section } from "@react-email/components";

const wrapper = { margin: "8px 0 24px" };
const button = {
  backgroundColor: "#16803c",
  borderRadius: "10px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "17px",
  fontWeight: 600,
  lineHeight: "24px",
  padding: "14px 28px",
  textAlign: "center" as const,
  textDecoration: "none",
};

export function EmailButton({ href, label }: { href: string; label: string }) {
  return (
    <Section style={wrapper}>
      <Button href={href} style={button}>
        {label}
      </Button>
    </Section>
  );
}
