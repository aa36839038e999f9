import { sessionDtoSchema, signInInfoDtoSchema, type SessionDto, type SignInInfoDto } from '@jixiao/contract';
import { getJson, sendJson, sendNoContent } from '../../lib/http';

export function getSignInInfo(): Promise<SignInInfoDto> {
  return getJson(signInInfoDtoSchema, '/api/sign-in-info');
}

export function fetchSession(): Promise<SessionDto> {
  return getJson(sessionDtoSchema, '/api/session');
}

export function postSignIn(username: string, password: string): Promise<SessionDto> {
  return sendJson(sessionDtoSchema, 'POST', '/api/session', { username, password });
}

export function deleteSession(): Promise<void> {
  return sendNoContent('DELETE', '/api/session');
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return sendNoContent('PUT', '/api/me/password', { currentPassword, newPassword });
}

/** Query keys of sign-in (decision 018). */
export const sessionKeys = {
  signInInfo: () => ['session', 'sign-in-info'] as const,
};
