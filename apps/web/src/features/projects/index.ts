/** What other features may use of the projects: the searchable, paged project table. */
export { ProjectTable } from './components/project-table';
