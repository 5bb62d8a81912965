import { NotFoundNotice } from "@/components/not-found-notice";

// Inside the member shell, so a shift or colleague that no longer exists keeps the bottom navigation.
export default function MemberNotFound() {
  return <NotFoundNotice />;
}
