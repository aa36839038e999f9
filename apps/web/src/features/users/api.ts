import { listOf, userDtoSchema, type CreateUserRequest, type UpdateUserRequest, type UserDto } from '@jixiao/contract';
import { getJson, sendJson, sendNoContent } from '../../lib/http';

export async function listUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return (await getJson(listOf(userDtoSchema), '/api/users', {}, signal)).items;
}

export function createUser(body: CreateUserRequest): Promise<UserDto> {
  return sendJson(userDtoSchema, 'POST', '/api/users', body);
}

export function updateUser(id: number, body: UpdateUserRequest): Promise<UserDto> {
  return sendJson(userDtoSchema, 'PATCH', `/api/users/${id}`, body);
}

export function resetUserPassword(id: number, password: string): Promise<void> {
  return sendNoContent('PUT', `/api/users/${id}/password`, { password });
}

/** Query keys of the users (decision 018). */
export const userKeys = {
  all: ['users'] as const,
  list: () => ['users', 'list'] as const,
};
