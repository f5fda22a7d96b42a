"use client";

import { ErrorPanel } from "@/components/states/error-panel";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} reset={reset} what="the trends" />;
}
