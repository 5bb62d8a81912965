import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import { NoticeEmail } from "@/emails/notice";
import { SignInLinkEmail } from "@/emails/sign-in-link";
import { extractLinks } from "@/lib/mail/preview";

describe("the email components", () => {
  test("the sign-in link email has the button, the written-out link and the warning not to forward it", async () => {
    const props = SignInLinkEmail.PreviewProps;
    const html = await render(<SignInLinkEmail {...props} />);
    const text = await render(<SignInLinkEmail {...props} />, { plainText: true });

    expect(extractLinks(html)).toEqual([props.signInUrl]);
    expect(html).toContain("Direct inloggen");
    expect(html).toContain("Stuur deze e-mail niet door");
    expect(html).toContain("Je krijgt deze e-mail van Buurthuis De Linde.");
    expect(text).toContain(`Direct inloggen ${props.signInUrl}`);
    // The fallback paragraph is for HTML only; plain text already shows the link once.
    expect(text.split(props.signInUrl)).toHaveLength(2);
  });

  test("a notice without a button URL shows no button", async () => {
    const html = await render(<NoticeEmail {...NoticeEmail.PreviewProps} buttonUrl={null} />);
    expect(extractLinks(html)).toEqual([]);
    expect(html).toContain("Ik ben die dag jarig.");
  });

  test("paragraphs and line breaks of a body text survive, as text", async () => {
    const props = NoticeEmail.PreviewProps;
    const html = await render(<NoticeEmail {...props} texts={{ ...props.texts, body: "Eén\nTwee & <drie>\n\nVier" }} />);
    expect(html).toMatch(/Eén<br\/?>Twee &amp; &lt;drie&gt;/);
    expect(html).toContain(">Vier</p>");
  });
});
