import styles from "./skeleton.module.css";

/**
 * Placeholders sized like the content they stand for, so nothing jumps when
 * the data arrives.
 */
export function SkeletonBlock({ height, width = "100%" }: { height: number | string; width?: number | string }) {
  return <div className={styles.skeleton} style={{ height, width }} aria-hidden="true" />;
}

export function TableSkeleton({ rows = 10, rowHeight = 41 }: { rows?: number; rowHeight?: number }) {
  return (
    <div role="status" aria-label="Loading table">
      <SkeletonBlock height={44} />
      <div style={{ height: 8 }} />
      <SkeletonBlock height={rows * rowHeight + 40} />
    </div>
  );
}

export function PageSkeleton({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" aria-label={label}>
      <SkeletonBlock height={36} width="40%" />
      <div style={{ height: 12 }} />
      <SkeletonBlock height={20} width="70%" />
      <div style={{ height: 24 }} />
      <div className="grid">
        <SkeletonBlock height={120} />
        <SkeletonBlock height={120} />
        <SkeletonBlock height={120} />
      </div>
      <div style={{ height: 24 }} />
      <SkeletonBlock height={360} />
    </div>
  );
}
