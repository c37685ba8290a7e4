import { render } from '@testing-library/react';
import { Blob as NodeBlob } from 'node:buffer';

/**
 * The shared jsdom environment lends Node's FormData (fetch accepts only that) and teaches it to
 * read a <form> the way browsers do, because React 19 builds one when a submit starts a transition.
 */
describe('FormData in the web test environment', () => {
  it('reads the named, enabled fields of a form, like a browser', () => {
    const { container } = render(
      <form>
        <input name="q" defaultValue="王建国" />
        <input name="locked" type="checkbox" defaultChecked />
        <input name="off" type="checkbox" />
        <input name="gone" defaultValue="x" disabled />
        <select name="status" defaultValue="monitored">
          <option value="lifted">已脱贫</option>
          <option value="monitored">监测户</option>
        </select>
        <button name="go" value="search" type="submit">
          查询
        </button>
      </form>,
    );
    const form = container.querySelector('form')!;
    const submitter = container.querySelector('button')!;
    expect([...new FormData(form, submitter).entries()]).toEqual([
      ['q', '王建国'],
      ['locked', 'on'],
      ['status', 'monitored'],
      ['go', 'search'],
    ]);
  });

  it('is still the FormData that fetch sends as multipart (with a Node Blob or File)', async () => {
    const form = new FormData();
    form.append('file', new NodeBlob(['户编号\n']) as unknown as Blob, 'households.csv');
    const request = new Request('http://127.0.0.1/import', { method: 'POST', body: form });
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(await request.text()).toContain('filename="households.csv"');
  });
});
