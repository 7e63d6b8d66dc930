/** Join class names, skipping empty ones (a loop: it runs for every element of every checkout mount). */
export function cx(...names: Array<string | false | null | undefined>): string {
  let joined = '';
  for (const name of names) if (name) joined = joined ? `${joined} ${name}` : name;
  return joined;
}
