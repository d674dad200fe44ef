import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { installAuth } from './http/auth.ts';
import { installErrorHandler } from './http/errors.ts';
import type { RouteDeps } from './http/routes.ts';
import { registerAttributionRoutes } from './modules/attribution/attribution.routes.ts';
import { registerCreditRoutes } from './modules/attribution/credit.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerCalendarRoutes } from './modules/campaigns/calendar.routes.ts';
import { registerCampaignRoutes } from './modules/campaigns/campaigns.routes.ts';
import { registerProductRoutes } from './modules/campaigns/products.routes.ts';
import { registerContractRoutes } from './modules/contract/contract.routes.ts';
import { registerLeadRoutes } from './modules/funnel/leads.routes.ts';
import { registerRecordRoutes } from './modules/funnel/records.routes.ts';
import { registerIdentityRoutes } from './modules/identity/identity.routes.ts';
import { registerImportRoutes } from './modules/imports/imports.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerSlaRoutes } from './modules/sla/sla.routes.ts';
import { registerTrackingRoutes } from './modules/tracking/tracking.routes.ts';
import { registerTokenRoutes } from './modules/tokens/tokens.routes.ts';
import { registerWorkspaceRoutes } from './modules/workspaces/workspaces.routes.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type AppDeps = { db: Db; config: Config; clock?: () => Date; logger?: boolean };

const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

async function registerWeb(app: FastifyInstance): Promise<void> {
  const indexHtml = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(indexHtml)) return;
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h' });
  const page = fs.readFileSync(indexHtml, 'utf8');
  // Every path that is not the API or a built file is a page of the single-page app.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const file = path.join(WEB_DIST, path.normalize(request.url.split('?')[0]!));
    if (file.startsWith(WEB_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(WEB_DIST, file));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').send(page);
  });
}

/** Builds the whole HTTP application without listening, so tests can inject requests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const routeDeps: RouteDeps = { db: deps.db, config, clock: deps.clock ?? (() => new Date()) };
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyHelmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Accord API', version: '1', description: 'One funnel, one set of numbers for Sales and Marketing.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (acc_…) bound to one workspace' },
          session: { type: 'apiKey', in: 'cookie', name: 'accord_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installAuth(app, routeDeps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  registerIdentityRoutes(app, routeDeps);
  registerWorkspaceRoutes(app, routeDeps);
  registerTokenRoutes(app, routeDeps);
  registerAuditRoutes(app, routeDeps);
  registerRecordRoutes(app, routeDeps);
  registerLeadRoutes(app, routeDeps);
  registerContractRoutes(app, routeDeps);
  await registerTrackingRoutes(app, routeDeps);
  await registerImportRoutes(app, routeDeps);
  registerNotificationRoutes(app, routeDeps);
  registerSlaRoutes(app, routeDeps);
  await registerProductRoutes(app, routeDeps);
  registerCampaignRoutes(app, routeDeps);
  registerCalendarRoutes(app, routeDeps);
  registerAttributionRoutes(app, routeDeps);
  registerCreditRoutes(app, routeDeps);
  await registerWeb(app);
  return app;
}
