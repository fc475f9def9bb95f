/** Whether a key press lands where the lead is typing (a text field or editable content), not on a page. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return target.type !== "checkbox" && target.type !== "radio";
  return target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}
