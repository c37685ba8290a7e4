import { sendJson, startStubServer, type StubServer } from '../testing';
import { createApiClient } from './api-client';

/** A server that accepts only the token it currently considers fresh. */
describe('api client with a session that refreshes its token', () => {
  let server: StubServer;
  let freshToken: string;

  beforeEach(async () => {
    freshToken = 'token-2';
    server = await startStubServer((request, response) => {
      if (request.headers['authorization'] !== `Bearer ${freshToken}`) {
        return sendJson(response, 401, { code: 'UNAUTHENTICATED', message: '请先登录 / Sign in first' });
      }
      sendJson(response, 200, { method: request.method, body: request.body });
    });
  });

  afterEach(() => server.close());

  it('asks for a new token after a 401 and sends the request once more with it', async () => {
    let token = 'token-1';
    const onUnauthorized = jest.fn(async () => {
      token = 'token-2';
      return true;
    });
    const client = createApiClient({ baseUrl: server.url, getToken: () => token, onUnauthorized });
    await expect(client.post('/households', { a: 1 })).resolves.toEqual({
      method: 'POST',
      body: '{"a":1}',
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests.map((request) => request.headers['authorization'])).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('gives up with the 401 when the refresh fails, without a second request', async () => {
    const client = createApiClient({
      baseUrl: server.url,
      getToken: () => 'token-1',
      onUnauthorized: () => false,
    });
    await expect(client.get('/households')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries only once, even when the new token is refused too', async () => {
    freshToken = 'never';
    const onUnauthorized = jest.fn(() => true);
    const client = createApiClient({ baseUrl: server.url, getToken: () => 'token-1', onUnauthorized });
    await expect(client.get('/households')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
  });

  it('does not try to refresh a request sent without a token (a wrong password, say)', async () => {
    const onUnauthorized = jest.fn(() => true);
    const client = createApiClient({ baseUrl: server.url, getToken: () => null, onUnauthorized });
    await expect(client.post('/auth/login', {})).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('api client with files', () => {
  let server: StubServer;

  beforeEach(async () => {
    server = await startStubServer((request, response) => {
      if (request.url.startsWith('/template')) {
        response.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="template.csv"; filename*=UTF-8''${encodeURIComponent('农户导入模板.csv')}`,
        });
        response.end('户编号,所属村\n');
        return;
      }
      if (request.url === '/missing') return sendJson(response, 404, { code: 'NOT_FOUND', message: 'gone' });
      sendJson(response, 201, { contentType: request.headers['content-type'], body: request.body });
    });
  });

  afterEach(() => server.close());

  it('uploads a multipart form with the file and its name, not as JSON', async () => {
    const client = createApiClient({ baseUrl: server.url, getToken: () => 'token-1' });
    const form = new FormData();
    form.append('file', new Blob(['户编号\nH0001\n'], { type: 'text/csv' }), 'households.csv');
    const answer = await client.postForm<{ contentType: string; body: string }>('/import', form, {
      query: { dryRun: true },
    });
    expect(answer.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(answer.body).toContain('filename="households.csv"');
    expect(answer.body).toContain('户编号\nH0001\n');
    expect(server.requests[0]!.url).toBe('/import?dryRun=true');
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer token-1');
  });

  it('downloads a file with its Chinese name from Content-Disposition', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const file = await client.download('/template', { query: { format: 'csv' } });
    expect(file.filename).toBe('农户导入模板.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(await file.blob.text()).toBe('户编号,所属村\n');
  });

  it('throws the server error for a file that is not there', async () => {
    const client = createApiClient({ baseUrl: server.url });
    await expect(client.download('/missing')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
