// An admin's body text as email paragraphs: the markdown subset of lib/mail/markdown.ts (blank line a
// paragraph, newline a line break, **bold**, http(s)/mailto links).
import { Text } from "@react-email/components";
import { renderMarkdownParagraphs } from "@/lib/mail/markdown";

const paragraph = { color: "#1c1917", fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" };

export function BodyText({ text }: { text: string }) {
  return (
    <>
      {renderMarkdownParagraphs(text).map((html, index) => (
        // markdown-it with raw HTML off has escaped every character an admin or a member's name holds;
        // only its own <strong>, <em>, <br> and checked <a> tags are markup.
        <Text key={index} style={paragraph} dangerouslySetInnerHTML={{ __html: html }} />
      ))}
    </>
  );
}
