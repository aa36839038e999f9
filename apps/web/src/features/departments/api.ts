import { departmentDtoSchema, listOf, unitDtoSchema, type DepartmentDto, type UnitDto } from '@jixiao/contract';
import { getJson } from '../../lib/http';

export async function listDepartments(query: { search?: string; year?: number }, signal?: AbortSignal): Promise<DepartmentDto[]> {
  return (await getJson(listOf(departmentDtoSchema), '/api/departments', query, signal)).items;
}

export function getDepartment(id: number, signal?: AbortSignal): Promise<DepartmentDto> {
  return getJson(departmentDtoSchema, `/api/departments/${id}`, {}, signal);
}

export async function listUnits(departmentId: number, signal?: AbortSignal): Promise<UnitDto[]> {
  return (await getJson(listOf(unitDtoSchema), `/api/departments/${departmentId}/units`, {}, signal)).items;
}

/** Query keys of the departments (decision 018). */
export const departmentKeys = {
  all: ['departments'] as const,
  list: (query: { search?: string; year?: number }) => ['departments', 'list', query] as const,
  detail: (id: number) => ['departments', id] as const,
  units: (id: number) => ['departments', id, 'units'] as const,
};
