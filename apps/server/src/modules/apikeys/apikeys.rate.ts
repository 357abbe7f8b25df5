import type { FastifyRequest } from 'fastify';
import type { ApiKeyPrincipal } from './apikeys.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The system calling, once a route's preValidation has authenticated its key. */
    apiKey?: ApiKeyPrincipal;
  }
}

/**
 * A route's rate limit by the calling key, at the rate the admin set for that key (per minute).
 * It runs after preValidation has put the key on the request (so a missing or bad key is a 403,
 * not a 429); `fallbackPerMinute` is for a request without one.
 */
export function perKeyRateLimit(scope: string, fallbackPerMinute: number) {
  return {
    hook: 'preHandler' as const,
    max: (req: FastifyRequest) => req.apiKey?.ratePerMinute ?? fallbackPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `${scope}:${req.apiKey?.id ?? req.ip}`,
  };
}
