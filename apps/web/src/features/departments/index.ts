/** What other features may use of the departments: the list (e.g. to pick a user's department). */
export { departmentKeys, listDepartments } from './api';
