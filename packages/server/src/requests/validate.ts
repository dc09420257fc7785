import type { AttributeConfig, ServiceConfig } from '../config/schema.ts';
import { sortedAttributes } from './open311/services.ts';
import type { Answers } from './routing.ts';

/** Collects every problem with a submission, each worded so a person can fix it. */
export class Problems {
  readonly list: string[] = [];
  add(message: string) {
    this.list.push(message);
  }
  get any() {
    return this.list.length > 0;
  }
}

export type Body = Record<string, unknown>;

/** A single text field: absent → undefined; repeated or nested → a problem. Trims; "" → undefined. */
export function text(body: Body, name: string, problems: Problems, max: number): string | undefined {
  const raw = body[name];
  if (raw === undefined || raw === null) return undefined;
  // A JSON body may carry numbers and booleans (lat: 52.2, email_updates: true).
  const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
  if (typeof value !== 'string') {
    problems.add(`${name} must be sent once, as text.`);
    return undefined;
  }
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) {
    problems.add(`${name} must be ${max} characters or fewer (it has ${trimmed.length}).`);
    return undefined;
  }
  return trimmed;
}

export function coordinate(body: Body, name: 'lat' | 'long', problems: Problems): number | undefined {
  const raw = text(body, name, problems, 40);
  if (raw === undefined) return undefined;
  const [min, max] = name === 'lat' ? [-90, 90] : [-180, 180];
  const value = Number(raw);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) || !Number.isFinite(value) || value < min || value > max) {
    problems.add(`${name} must be a number between ${min} and ${max} (got "${raw}").`);
    return undefined;
  }
  return value;
}

export function bool(body: Body, name: string, problems: Problems): boolean {
  const raw = text(body, name, problems, 10);
  if (raw === undefined) return false;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  problems.add(`${name} must be true or false (got "${raw}").`);
  return false;
}

const emailPattern = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;
export function emailAddress(body: Body, name: string, problems: Problems): string | undefined {
  const value = text(body, name, problems, 254);
  if (value !== undefined && !emailPattern.test(value)) {
    problems.add(`${name} must be an email address, like name@example.com.`);
    return undefined;
  }
  return value;
}

export function httpUrl(body: Body, name: string, problems: Problems): string | undefined {
  const value = text(body, name, problems, 2000);
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the message below
  }
  problems.add(`${name} must be a full web address starting with http:// or https://.`);
  return undefined;
}

const limits: Record<string, number> = { string: 255, text: 5000, number: 40, datetime: 40 };

/** More attribute fields than this is no report anyone typed: one problem, not one per field. */
export const MAX_ATTRIBUTES = 100;

function isVisible(attribute: AttributeConfig, answers: Answers): boolean {
  const cond = attribute.show_when;
  if (!cond) return true;
  const answer = answers[cond.code];
  const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
  return given.some((v) => cond.values.includes(v));
}

/**
 * Checks `attribute[code]` answers against the service definition: datatypes, list values, and
 * required questions — a conditional question counts only when its condition is met; answers to
 * hidden questions are dropped so nothing the resident could not see is stored.
 */
export function validateAttributes(service: ServiceConfig, raw: unknown, problems: Problems): Answers {
  const answers: Answers = {};
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    problems.add('Send answers as attribute[code]=value, one field per question.');
    return answers;
  }
  const given = (raw ?? {}) as Record<string, unknown>;
  const count = Object.keys(given).length;
  if (count > MAX_ATTRIBUTES) {
    problems.add(`Send at most ${MAX_ATTRIBUTES} attribute fields (this report has ${count}). "${service.service_name}" asks: ${service.attributes.map((a) => a.code).join(', ') || 'nothing'}.`);
    return answers;
  }
  const known = new Map(service.attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) {
      problems.add(`attribute[${code}] is not a question of "${service.service_name}". Its questions are: ${service.attributes.map((a) => a.code).join(', ') || 'none'}.`);
    }
  }
  for (const attribute of sortedAttributes(service)) {
    if (!attribute.variable) continue;
    const name = `attribute[${attribute.code}]`;
    const value = given[attribute.code];
    const label = `"${attribute.description}"`;
    let values: string[];
    if (value === undefined || value === null) values = [];
    else if (typeof value === 'string') values = [value];
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values = value as string[];
    else if (typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')) values = Object.values(value) as string[];
    else {
      problems.add(`${name} must be text.`);
      continue;
    }
    values = values.map((v) => v.trim()).filter(Boolean);
    if (!isVisible(attribute, answers)) continue;
    if (!values.length) {
      if (attribute.required) problems.add(`${name} is required: answer ${label}.`);
      continue;
    }
    const listKeys = attribute.values?.map((v) => v.key) ?? [];
    switch (attribute.datatype) {
      case 'multivaluelist': {
        const wrong = values.filter((v) => !listKeys.includes(v));
        if (wrong.length) problems.add(`${name}: "${wrong.join('", "')}" is not an option for ${label}. Choose from: ${listKeys.join(', ')}.`);
        else answers[attribute.code] = [...new Set(values)];
        continue;
      }
      case 'singlevaluelist':
        if (values.length > 1) problems.add(`${name}: choose one option for ${label}.`);
        else if (!listKeys.includes(values[0]!)) problems.add(`${name}: "${values[0]}" is not an option for ${label}. Choose from: ${listKeys.join(', ')}.`);
        else answers[attribute.code] = values[0]!;
        continue;
      default:
        break;
    }
    if (values.length > 1) {
      problems.add(`${name} must be sent once.`);
      continue;
    }
    const value1 = values[0]!;
    if (value1.length > limits[attribute.datatype]!) {
      problems.add(`${name} must be ${limits[attribute.datatype]} characters or fewer.`);
      continue;
    }
    if (attribute.datatype === 'number' && !(/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value1) && Number.isFinite(Number(value1)))) {
      problems.add(`${name} must be a number, like 3, for ${label}.`);
      continue;
    }
    if (attribute.datatype === 'datetime' && (!/^\d{4}-\d{2}-\d{2}/.test(value1) || Number.isNaN(Date.parse(value1)))) {
      problems.add(`${name} must be a date and time like 2026-03-31T14:30:00Z, for ${label}.`);
      continue;
    }
    answers[attribute.code] = value1;
  }
  return answers;
}
