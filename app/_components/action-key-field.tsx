// The hidden field that makes a form's action happen once (lib/action-keys.ts). Server components pass a fresh
// `newActionKey()`; a client form gets its key from the server component that renders it.
export function ActionKeyField({ value }: { value: string }) {
  return <input type="hidden" name="cle" value={value} />;
}
