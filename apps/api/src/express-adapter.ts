import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import http, { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Nest's ExpressAdapter, whose HTTP server builds each request and response with express's
 * prototypes already in place.
 *
 * Express gives every request and response its own methods by changing the object's
 * prototype (`Object.setPrototypeOf(req, app.request)` in `app.handle`). V8 answers that
 * with a new hidden class for every object, built the slow way: measured with
 * `--trace-gc-nvp`, about a quarter of what a request allocated then outlived two
 * young-generation collections (was promoted to the old generation), so a busy API ran a
 * full mark-compact every few seconds, each a stall of tens of milliseconds, and a bare
 * express app answered less than half as many requests as with this change. node:http lets
 * a server name the classes of its requests and responses: these are subclasses of node's
 * own, whose prototypes inherit express's request and response methods and become the app's
 * `request` and `response`, so express's `setPrototypeOf` finds the prototype already set and
 * changes nothing.
 */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) {
      // not used by this API (TLS ends at the proxy); Nest's own server then
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    class Request extends IncomingMessage {}
    class Response extends ServerResponse {}
    app.request = adopt(Request.prototype, app.request, app) as Express['request'];
    app.response = adopt(Response.prototype, app.response, app) as Express['response'];
    this.httpServer = http.createServer(
      { IncomingMessage: Request, ServerResponse: Response },
      app,
    );
  }
}

/**
 * Makes `prototype` (a subclass of node's request or response) what express's `current`
 * (`app.request` / `app.response`) is: an object with the app and express's methods.
 */
function adopt(prototype: object, current: object, app: Express): object {
  const methods = Object.getPrototypeOf(current) as object;
  if (!Object.prototype.isPrototypeOf.call(Object.getPrototypeOf(prototype), methods)) {
    throw new Error("express's request or response does not inherit from node's");
  }
  Object.setPrototypeOf(prototype, methods);
  Object.defineProperty(prototype, 'app', {
    configurable: true,
    enumerable: true,
    writable: true,
    value: app,
  });
  return prototype;
}
