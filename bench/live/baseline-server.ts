import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';
import { announcement, BROADCAST_EVENT_NAME, type LoopDelay, type ServerRequest, socketIoEventFrame } from './messages';
import { answerRequests } from './processes';

/**
 * The baselines the gateway is measured against, one per process: (A) a raw `ws` server that
 * writes one pre-built frame to every socket, and (B) a bare socket.io server with the gateway's
 * settings (websocket only, no per-message compression, 8 KB inbound limit, same ping cadence)
 * broadcasting to one room with the default in-memory adapter. Both send the frame the gateway
 * sends for an announcement: `42["b",{"seq":…,"type":"announcement","data":{"text":"bench …"}}]`.
 */
const mode = process.argv[2];
if (mode !== 'ws' && mode !== 'socketio') throw new Error('usage: baseline-server.ts ws|socketio');

const ROOM = 'audience';
const http = createServer();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let seq = 0;
let broadcast: (text: string) => void;

if (mode === 'ws') {
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 8 * 1024 });
  wss.on('connection', (socket) => socket.on('error', () => undefined));
  broadcast = (text) => {
    seq++;
    const frame = Buffer.from(socketIoEventFrame(BROADCAST_EVENT_NAME, announcement(seq, text)));
    for (const socket of wss.clients) socket.send(frame, { binary: false });
  };
} else {
  const io = new Server(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: 8 * 1024,
    serveClient: false,
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  io.on('connection', (socket) => void socket.join(ROOM));
  broadcast = (text) => {
    seq++;
    io.to(ROOM).emit(BROADCAST_EVENT_NAME, announcement(seq, text));
  };
}

answerRequests(async (request: ServerRequest) => {
  switch (request.cmd) {
    case 'broadcast':
      broadcast(request.text);
      return {};
    case 'eld-reset':
      loop.reset();
      return {};
    case 'eld': {
      const delay: LoopDelay = {
        p50Ms: loop.percentile(50) / 1e6,
        p99Ms: loop.percentile(99) / 1e6,
        maxMs: loop.max / 1e6,
      };
      return delay;
    }
  }
});

// The default backlog, like the gateway's `listen`.
http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
});
