/** Answers kept per process by key; a failed one is forgotten, since a missing source may be installed later. */
export function keptPerProcess<V>(): (key: string, load: () => Promise<V>) => Promise<V> {
  const kept = new Map<string, Promise<V>>();
  return (key, load) => {
    let answer = kept.get(key);
    if (!answer) {
      answer = load();
      kept.set(key, answer);
      answer.catch(() => kept.delete(key));
    }
    return answer;
  };
}
