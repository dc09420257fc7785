import { z } from 'zod';
import { EMAIL_MAX } from './alert-rules.ts';

// No Node API here: the service checks bodies with these, in its own order (the consultation,
// whether it is open and an Idempotency-Key replay first), and the routes declare them as their
// schemas, so /openapi.json shows what is checked (consultations/schemas.ts).

const langSchema = z.enum(['en', 'cy']);

export const responseBodySchema = z.object({
  answers: z.record(z.string(), z.unknown()).describe('Question id → answer (docs/consultation-api.md#answers)'),
  lang: langSchema.optional(),
  resumeCode: z.string().max(20).optional().describe('The draft this response finishes; it is deleted'),
});

export const draftBodySchema = z.object({
  answers: z.record(z.string(), z.unknown()).describe('Question id → answer so far; at most 64 KB'),
  page: z.string().max(100).optional().describe('The page to return to'),
  email: z.string().max(EMAIL_MAX).optional().describe('Email the resume code here'),
  returnUrl: z.string().max(2000).optional().describe('The page the emailed link returns to'),
  lang: langSchema.optional(),
});
