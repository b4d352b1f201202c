import { adminCrudRoutes } from '../admin/crud-routes.ts';
import { departmentsAdmin } from '../admin/resources.ts';

/** Administration of departments: see admin/crud-routes.ts for the API and admin/resources.ts for the rules. */
export default adminCrudRoutes(departmentsAdmin);
