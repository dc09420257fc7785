/** One answer a resident can pick in radios, checkboxes or a select. */
export interface FieldOption {
  value: string;
  label: string;
  /** Help shown under this choice (radios and checkboxes). */
  hint?: string;
  /** Draw an "or" divider before this choice (GOV.UK: before "None of these"). */
  dividerBefore?: boolean;
  /** For checkboxes: choosing this clears the others, and choosing another clears it ("None"). */
  exclusive?: boolean;
}

/**
 * Options a webmaster writes as light-DOM children (`<option value="a">A</option>`), so a
 * field can be written in plain HTML with no JavaScript property set.
 */
export function optionsFromChildren(host: HTMLElement): FieldOption[] {
  return [...host.querySelectorAll(':scope > option')].map((option) => {
    const element = option as HTMLOptionElement;
    return {
      value: element.value,
      label: element.label || element.textContent?.trim() || element.value,
      hint: element.dataset.hint || undefined,
      dividerBefore: element.hasAttribute('data-divider'),
      exclusive: element.hasAttribute('data-exclusive'),
    };
  });
}
