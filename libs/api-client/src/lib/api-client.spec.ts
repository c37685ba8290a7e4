import { sendJson, startStubServer, unreachableUrl, type StubServer } from '../testing';
import { ApiClientError } from './api-client-error';
import { createApiClient } from './api-client';

async function caught(promise: Promise<unknown>): Promise<ApiClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiClientError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('api client against a real HTTP server', () => {
  let server: StubServer;

  beforeEach(async () => {
    server = await startStubServer((request, response) => {
      if (request.url.startsWith('/echo')) {
        return sendJson(response, 200, { method: request.method, url: request.url, body: request.body });
      }
      if (request.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      if (request.url === '/ledger/insufficient') {
        return sendJson(response, 409, {
          code: 'insufficient_points',
          message: '积分不足 / Not enough points',
          details: { balance: 12, needed: 30 },
        });
      }
      if (request.url === '/nest-default') {
        return sendJson(response, 400, {
          statusCode: 400,
          message: ['name must be a string', 'age is required'],
          error: 'Bad Request',
        });
      }
      if (request.url === '/html') {
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>proxy page</html>');
        return;
      }
      if (request.url === '/never') return; // no answer: the client's time limit must end it
      sendJson(response, 404, { code: 'not_found', message: 'no such route' });
    });
  });

  afterEach(() => server.close());

  it('gets JSON with query parameters, leaving out empty ones and repeating arrays', async () => {
    const client = createApiClient({ baseUrl: `${server.url}/` });
    const answer = await client.get<{ url: string }>('/echo', {
      query: { village: '石门村', page: 2, active: true, skip: undefined, none: null, tag: ['a', 'b'] },
    });
    expect(answer.url).toBe(`/echo?village=${encodeURIComponent('石门村')}&page=2&active=true&tag=a&tag=b`);
    expect(server.requests[0]!.headers['accept']).toBe('application/json');
  });

  it('sends the bearer token from getToken on every request', async () => {
    const client = createApiClient({ baseUrl: server.url, getToken: async () => 'token-123' });
    await client.get('/echo');
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer token-123');
  });

  it("sends a caller's own Authorization header instead of the signed-in user's token", async () => {
    let refreshes = 0;
    const client = createApiClient({
      baseUrl: server.url,
      getToken: async () => 'staff-token',
      onUnauthorized: async () => {
        refreshes++;
        return true;
      },
    });
    await client.get('/echo', { headers: { Authorization: 'Bearer household-token' } });
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer household-token');
    expect(refreshes).toBe(0);
  });

  it('leaves Authorization out when there is no token', async () => {
    const client = createApiClient({ baseUrl: server.url, getToken: () => null });
    await client.get('/echo');
    expect(server.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('posts a JSON body with its Idempotency-Key', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const answer = await client.post<{ method: string; body: string }>(
      '/echo/redemptions',
      { householdId: 'h-1', points: 30 },
      { idempotencyKey: 'key-1' },
    );
    expect(answer).toMatchObject({ method: 'POST', body: '{"householdId":"h-1","points":30}' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[0]!.headers['idempotency-key']).toBe('key-1');
  });

  it('uses PUT, PATCH and DELETE for the matching helpers', async () => {
    const client = createApiClient({ baseUrl: server.url });
    await client.put('/echo', { a: 1 });
    await client.patch('/echo', { b: 2 });
    await client.delete('/echo', { idempotencyKey: 'key-2' });
    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'PATCH', 'DELETE']);
    expect(server.requests[2]!.headers['content-type']).toBeUndefined();
    expect(server.requests[2]!.headers['idempotency-key']).toBe('key-2');
  });

  it('returns undefined for 204 No Content', async () => {
    const client = createApiClient({ baseUrl: server.url });
    await expect(client.delete('/empty')).resolves.toBeUndefined();
  });

  it("throws the server's code, message and details as an ApiClientError", async () => {
    const client = createApiClient({ baseUrl: server.url });
    const error = await caught(client.post('/ledger/insufficient', { points: 30 }));
    expect(error).toMatchObject({
      status: 409,
      code: 'insufficient_points',
      message: '积分不足 / Not enough points',
      details: { balance: 12, needed: 30 },
      isNetworkError: false,
    });
  });

  it('falls back to http_<status> and the joined messages of a NestJS default error body', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const error = await caught(client.get('/nest-default'));
    expect(error).toMatchObject({
      status: 400,
      code: 'http_400',
      message: 'name must be a string; age is required',
    });
  });

  it('reports a 2xx answer that is not JSON as invalid_response', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const error = await caught(client.get('/html'));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('reports a server that does not answer in time as timeout', async () => {
    const client = createApiClient({ baseUrl: server.url, timeoutMs: 100 });
    const error = await caught(client.get('/never'));
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
  });

  it('reports a request the caller cancelled as aborted', async () => {
    const client = createApiClient({ baseUrl: server.url });
    const controller = new AbortController();
    const pending = client.get('/never', { signal: controller.signal });
    controller.abort();
    const error = await caught(pending);
    expect(error).toMatchObject({ status: 0, code: 'aborted' });
  });

  it('rejects a path without a leading slash before sending anything', async () => {
    const client = createApiClient({ baseUrl: server.url });
    await expect(client.get('echo')).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('api client when the network is down', () => {
  it('throws a network error that screens can recognise', async () => {
    const client = createApiClient({ baseUrl: await unreachableUrl() });
    const error = await caught(client.get('/api/ledger/accounts'));
    expect(error).toMatchObject({ status: 0, code: 'network', isNetworkError: true });
    expect(error.message).toContain('could not reach the server');
  });
});
