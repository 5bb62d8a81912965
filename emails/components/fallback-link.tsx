// The button's address written out, for mail apps that hide buttons and for people who copy links.
import { Link, Text } from "@react-email/components";

const label = { color: "#57534e", fontSize: "13px", lineHeight: "20px", margin: "0 0 4px" };
const link = { color: "#11672f", fontSize: "13px", lineHeight: "20px", wordBreak: "break-all" as const };

export function FallbackLink({ href, label: text }: { href: string; label: string }) {
  return (
    // Left out of the plain-text version, where the button already appears as its written-out link.
    <div data-skip-in-text="true">
      <Text style={label}>{text}</Text>
      <Text style={{ margin: "0 0 16px" }}>
        <Link href={href} style={link}>
          {href}
        </Link>
      </Text>
    </div>
  );
}
