import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps.ts';
import notifications from '../notifications/routes.ts';
import attachments from './attachments.ts';
import adminAssignment from './admin-assignment.ts';
import adminCategories from './admin-categories.ts';
import adminDepartments from './admin-departments.ts';
import adminHospitals from './admin-hospitals.ts';
import adminSources from './admin-sources.ts';
import adminStaff from './admin-staff.ts';
import auth from './auth.ts';
import clock from './clock.ts';
import complaints from './complaints.ts';
import explanations from './explanations.ts';
import health from './health.ts';
import hospitals from './hospitals.ts';
import serverInfo from './server-info.ts';
import referenceBlocks from './reference-blocks.ts';
import replication from './replication.ts';
import slaAdmin from './sla-admin.ts';
import slaThresholds from './sla-thresholds.ts';
import stats from './stats.ts';
import templates from './templates.ts';
import tracking from './tracking.ts';
import trackingOtp from './tracking-otp.ts';
import trackingSecret from './tracking-secret.ts';
import survey from './survey.ts';

/**
 * Every HTTP route module, registered in this order by app.ts. A module is
 * `export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void>`;
 * app.ts registers each as its own encapsulated plugin (hooks it adds stay inside it; the root's
 * decorators such as `app.authenticate` and `app.jwt` are visible). Routes under `/api/v1/`
 * require a bearer token unless their config says `{ public: true }` (see auth/plugin.ts).
 * To add routes: import the module and append it to the list.
 */
export type RouteModule = (app: FastifyInstance, deps: ServerDeps) => Promise<void>;

export const routeModules: RouteModule[] = [health, auth, hospitals, serverInfo, clock, replication, referenceBlocks, complaints, tracking, slaAdmin, explanations, slaThresholds, templates, notifications, trackingOtp, trackingSecret, survey, attachments, adminHospitals, adminSources, adminDepartments, adminStaff, adminCategories, adminAssignment, stats];
