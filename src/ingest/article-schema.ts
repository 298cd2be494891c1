// The JSON article at the boundary, as a zod schema: validated once, trusted after.
import { z } from 'zod';

export const articleSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional().nullable(),
  text: z.string(),
  published: z.string().optional().nullable(),
  source: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
});

// The checks run without zod (to-article.ts): the same rules and messages, cheaper to load.
export { toArticle } from './to-article.js';
