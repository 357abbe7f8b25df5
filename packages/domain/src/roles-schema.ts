import { z } from 'zod';
import { ROLES } from './roles.ts';

// Apart from roles.ts, so the web's first load (which asks roleCan) does not load zod.
export const roleSchema = z.enum(ROLES);
