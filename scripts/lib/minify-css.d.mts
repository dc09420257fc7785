export function minifyCssText(text: string, first?: boolean, last?: boolean): string;
export function minifyCssTemplates(code: string): string;
