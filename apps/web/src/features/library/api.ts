import { libraryIndicatorDtoSchema, listOf, type LibraryIndicatorDto } from '@jixiao/contract';
import { getJson } from '../../lib/http';

export type { LibraryIndicatorDto };

export interface LibraryQuery {
  search?: string;
  level2?: string;
}

export async function getIndicatorLibrary(query: LibraryQuery, signal?: AbortSignal): Promise<LibraryIndicatorDto[]> {
  return (await getJson(listOf(libraryIndicatorDtoSchema), '/api/indicator-library', { ...query, limit: 200 }, signal)).items;
}

/** Query keys of the indicator library (decision 018). */
export const libraryKeys = {
  all: ['indicator-library'] as const,
  list: (query: LibraryQuery) => ['indicator-library', query] as const,
};
