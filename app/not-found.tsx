import { NotFoundNotice } from "@/components/not-found-notice";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md p-6">
      <NotFoundNotice />
    </main>
  );
}
