/** A signed-in caller of the platform's HTTP APIs, for the demo seed (the same routes the admin app uses). */
export interface DemoCaller {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  postFile<T>(path: string, name: string, text: string): Promise<T>;
}

async function answer<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in at the registry and returns a caller of `baseUrl` with that user's token. */
export async function signIn(
  registryUrl: string,
  baseUrl: string,
  username: string,
  password: string,
): Promise<DemoCaller> {
  const login = await answer<{ accessToken: string }>(
    await fetch(`${registryUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
    `sign in as ${username}`,
  );
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  return {
    get: async (path) => answer(await fetch(`${baseUrl}${path}`, { headers: auth }), `GET ${path}`),
    post: async (path, body) =>
      answer(
        await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
        `POST ${path}`,
      ),
    postFile: async (path, name, text) => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), name);
      return answer(
        await fetch(`${baseUrl}${path}`, { method: 'POST', headers: auth, body: form }),
        `POST ${path}`,
      );
    },
  };
}
