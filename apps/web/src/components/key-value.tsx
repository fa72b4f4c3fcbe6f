/** One row of a `<dl className="kv">`: a term and its value. */
export function KeyValue({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </>
  );
}
