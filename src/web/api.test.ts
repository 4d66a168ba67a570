import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathWith, withQuery } from './api.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** `METHOD path params query body` of every route the server declares, read from the route files. */
function serverRoutes() {
  const dir = new URL('../server/routes/', import.meta.url);
  const routes: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.routes.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const starts = [...source.matchAll(/app\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)];
    starts.forEach((match, index) => {
      const chunk = source.slice(match.index, starts[index + 1]?.index ?? source.length);
      const schema = (name: string) => chunk.match(new RegExp(`\\b${name}: (c\\.\\w+)`))?.[1] ?? '-';
      routes.push(
        [match[1]!.toUpperCase(), match[2], schema('params'), schema('querystring'), schema('body')].join(
          ' ',
        ),
      );
    });
  }
  return routes.sort();
}

/** The same for the web client's `Endpoints` type in api.ts. */
function clientEndpoints() {
  const source = read('./api.ts');
  return [...source.matchAll(/^ {2}'(\w+) ([^']+)': Endpoint<\{([^}]*)\}>;$/gm)]
    .map(([, method, path, parts]) => {
      const schema = (name: string) => parts!.match(new RegExp(`\\b${name}: typeof (c\\.\\w+)`))?.[1] ?? '-';
      return [method, path, schema('params'), schema('query'), schema('body')].join(' ');
    })
    .sort();
}

describe('the typed API client', () => {
  it('knows every server route with the same params, query and body schemas, and no others', () => {
    const server = serverRoutes();
    expect(server.length).toBeGreaterThan(50);
    expect(clientEndpoints()).toEqual(server);
  });

  it('fills in path parameters, encoded', () => {
    expect(pathWith('/api/jobs/:name/:id/retry', { name: 'a/b c', id: 7 })).toBe(
      '/api/jobs/a%2Fb%20c/7/retry',
    );
    expect(pathWith('/api/regions')).toBe('/api/regions');
    expect(() => pathWith('/api/participants/:id', {})).toThrow(/:id/);
  });

  it('adds only the query parameters that have a value', () => {
    expect(withQuery('/api/audit', { action: 'read', to: '', from: undefined, limit: 50, offset: 0 })).toBe(
      '/api/audit?action=read&limit=50&offset=0',
    );
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
