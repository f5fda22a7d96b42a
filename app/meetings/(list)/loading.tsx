import { PageSkeleton } from "@/components/states/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the meetings" />;
}
