import http from 'node:http';

/**
 * A round-robin HTTP balancer for the tests with several app servers: each request goes to the next server in turn, the
 * answer is streamed back as it comes (server-sent events included). Like a real one, it skips a server that refuses the
 * connection (the request never reached it, so it is sent to the next one); a request cut while a server handled it
 * gets a 502, and the client decides whether to send it again.
 */
export function startBalancer(port: number, upstreams: number[]): Promise<http.Server> {
  // A new connection for each request: a kept-alive one that the server closes as it is reused would lose requests
  // that never reached it (on loopback, a connection costs nothing).
  const agents = upstreams.map(() => new http.Agent({ keepAlive: false }));
  let next = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const first = next++ % upstreams.length;
      const attempt = (tried: number) => {
        const i = (first + tried) % upstreams.length;
        const upstream = http.request({ host: '127.0.0.1', port: upstreams[i], method: request.method, path: request.url, headers: request.headers, agent: agents[i] }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          // The server died in the middle of its answer: the client's connection is cut too, never left waiting.
          answer.on('close', () => {
            if (!answer.complete) response.destroy();
          });
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (response.headersSent || response.destroyed) return void response.destroy(); // too late, or nobody to tell
          if (error.code === 'ECONNREFUSED' && tried + 1 < upstreams.length) return attempt(tried + 1);
          console.error(`Répartiteur : ${request.method} ${request.url} → :${upstreams[i]} ${error.code ?? error.message}`);
          response.writeHead(502, { 'content-type': 'application/json' }).end('{"erreur":"serveur_injoignable"}');
        });
        // The client went away before the end (a live view closed): the server's side goes too.
        response.on('close', () => {
          if (!response.writableFinished) upstream.destroy();
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
