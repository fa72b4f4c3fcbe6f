/** A table's header row of plain titles; "" is a column without a title (a column of buttons). */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((title) => (
          // Titles are unique within a table, so each names its column.
          <th key={title}>{title}</th>
        ))}
      </tr>
    </thead>
  );
}
