import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { leadRoles, staffRoles, type Role } from '../../shared/roles.ts';
import {
  createPartnership,
  findMunicipalities,
  findPartnerships,
  findRegions,
  getPartnership,
  getProgramme,
  moveMunicipalityToRegion,
  updatePartnership,
  updateProgramme,
} from '../../domain/organisation/index.ts';

const partnershipReaders: Role[] = [
  'coach',
  'trainer',
  'regional_lead',
  'national_lead',
  'municipality_staff',
  'evaluator',
];
const errors = { 400: c.errorResponse, 403: c.errorResponse, 404: c.errorResponse, 409: c.errorResponse };

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/programme', {
    config: { access: { roles: 'any', data: 'organisation' } },
    schema: { tags: ['organisation'], response: { 200: c.programme } },
    handler: (request) => getProgramme(request.ctx),
  });

  app.patch('/api/programme', {
    config: { access: { roles: ['national_lead'], data: 'organisation' } },
    schema: { tags: ['organisation'], body: c.programmeUpdate, response: { 200: c.programme, ...errors } },
    handler: (request) => updateProgramme(request.ctx, request.body),
  });

  app.get('/api/regions', {
    config: { access: { roles: staffRoles, data: 'organisation' } },
    schema: { tags: ['organisation'], response: { 200: c.regionList } },
    handler: (request) => findRegions(request.ctx),
  });

  app.get('/api/municipalities', {
    config: { access: { roles: staffRoles, data: 'organisation' } },
    schema: {
      tags: ['organisation'],
      querystring: c.municipalityQuery,
      response: { 200: c.municipalityList, ...errors },
    },
    handler: (request) => findMunicipalities(request.ctx, request.query),
  });

  app.patch('/api/municipalities/:code', {
    config: { access: { roles: ['national_lead', 'administrator'], data: 'organisation' } },
    schema: {
      tags: ['organisation'],
      params: c.municipalityParams,
      body: c.municipalityRegionUpdate,
      response: { 200: c.municipality, ...errors },
    },
    handler: (request) => moveMunicipalityToRegion(request.ctx, request.params.code, request.body.regionId),
  });

  app.get('/api/partnerships', {
    config: { access: { roles: partnershipReaders, data: 'organisation' } },
    schema: {
      tags: ['organisation'],
      querystring: c.partnershipQuery,
      response: { 200: c.partnershipList, ...errors },
    },
    handler: (request) => findPartnerships(request.ctx, request.query),
  });

  app.get('/api/partnerships/:id', {
    config: { access: { roles: partnershipReaders, data: 'organisation' } },
    schema: { tags: ['organisation'], params: c.idParams, response: { 200: c.partnership, ...errors } },
    handler: (request) => getPartnership(request.ctx, request.params.id),
  });

  app.post('/api/partnerships', {
    config: { access: { roles: leadRoles, data: 'organisation' } },
    schema: {
      tags: ['organisation'],
      body: c.partnershipCreate,
      response: { 201: c.partnership, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createPartnership(request.ctx, request.body)),
  });

  app.patch('/api/partnerships/:id', {
    config: { access: { roles: leadRoles, data: 'organisation' } },
    schema: {
      tags: ['organisation'],
      params: c.idParams,
      body: c.partnershipUpdate,
      response: { 200: c.partnership, ...errors },
    },
    handler: (request) => updatePartnership(request.ctx, request.params.id, request.body),
  });
};
