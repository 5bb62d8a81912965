// An admin's plain-text body as email paragraphs: a blank line starts a paragraph, a newline breaks the line.
import { Text } from "@react-email/components";
import { Fragment } from "react";

const paragraph = { color: "#1c1917", fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" };

export function BodyText({ text }: { text: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return (
    <>
      {paragraphs.map((part, index) => (
        <Text key={index} style={paragraph}>
          {/* Text children, never raw HTML: React escapes whatever an admin or a member's name contains. */}
          {part.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      ))}
    </>
  );
}
