import { pageOf, projectDetailDtoSchema, projectDtoSchema, type ProjectDetailDto, type ProjectDto } from '@jixiao/contract';
import { getJson } from '../../lib/http';

export interface ProjectQuery {
  search?: string;
  departmentId?: number;
  unitId?: number;
  year?: number;
  limit?: number;
  offset?: number;
}

export function listProjects(query: ProjectQuery, signal?: AbortSignal): Promise<{ items: ProjectDto[]; total: number }> {
  return getJson(pageOf(projectDtoSchema), '/api/projects', { ...query }, signal);
}

export function getProject(id: number, signal?: AbortSignal): Promise<ProjectDetailDto> {
  return getJson(projectDetailDtoSchema, `/api/projects/${id}`, {}, signal);
}

/** Query keys of the projects (decision 018). */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: ProjectQuery) => ['projects', 'list', query] as const,
  detail: (id: number) => ['projects', id] as const,
};
