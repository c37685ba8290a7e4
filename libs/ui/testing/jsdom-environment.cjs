/**
 * jsdom has no fetch. Component tests talk to a real local HTTP server, so this environment lends
 * jsdom Node's fetch together with the classes fetch checks its arguments against (an AbortSignal
 * from jsdom is refused by Node's fetch), and the encoders react-router needs.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
];

/**
 * Node's FormData, which fetch accepts, that can also be built from a jsdom <form> the way browsers
 * allow: React 19 does `new FormData(form, submitter)` when a submit handler starts a transition
 * (a react-router navigation, say), and Node's own constructor refuses any argument.
 */
class FormDataFromForms extends globalThis.FormData {
  constructor(form, submitter) {
    super();
    if (!form || typeof form !== 'object' || !form.elements) return;
    for (const element of form.elements) {
      const { name, type, disabled } = element;
      if (!name || disabled || ['button', 'submit', 'reset', 'image', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !element.checked) continue;
      if (element.tagName === 'SELECT' && element.multiple) {
        for (const option of element.selectedOptions) this.append(name, option.value);
      } else {
        this.append(name, element.value);
      }
    }
    if (submitter && submitter.name) this.append(submitter.name, submitter.value);
  }
}

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    this.global.FormData = FormDataFromForms;
  }
}

module.exports = JsdomWithFetchEnvironment;
