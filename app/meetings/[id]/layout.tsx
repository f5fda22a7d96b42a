import { notFound } from "next/navigation";
import { meetingExists } from "@/server/queries/route-guards";

// Decided outside the page's loading boundary, so an unknown meeting is answered with a 404 status.
export default async function MeetingLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  if (!(await meetingExists((await params).id))) notFound();
  return children;
}
