/** A run's status as a coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status}`} data-testid="run-status">
      {status.toLowerCase()}
    </span>
  );
}
