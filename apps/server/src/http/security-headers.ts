/**
 * Browser security headers on every response, pages, assets and API alike (issue 9 item 2).
 * The web app is built by Vite into files under /assets with no inline script, so scripts come from 'self' only.
 * Styles allow 'unsafe-inline' because antd's CSS-in-JS writes <style> elements at run time (styles cannot run
 * code; scripts can). Charts and previews draw into data:/blob: images; downloads are same-origin blob: URLs.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const securityHeadersMiddleware: MiddlewareHandler = async (c, next) => {
  await next();
  // Set on the final response (static files, errors and 404s included), replacing nothing a route chose on purpose.
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
};
