import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { ParticipantTokenSigner } from '@hocvuso/live/participant-token';
import { LiveClient } from '@hocvuso/live-client';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import {
  type BenchBroadcast,
  BROADCAST_EVENT_NAME,
  parseSocketIoEventFrame,
  readBenchText,
  type SwarmAnswered,
  type SwarmCollected,
  type SwarmConnected,
  type SwarmProgress,
  type SwarmRequest,
  type Target,
} from './messages';
import { answerRequests } from './processes';

/**
 * One process of the client swarm: opens its share of the connections (at most `concurrency`
 * handshakes at a time, source addresses taken in turn from 127.0.0.x), times every benchmark
 * broadcast it receives against the sender's clock, and, against the gateway, answers polls and
 * leaves when told. Raw `ws` clients for A, socket.io-client for B, the project's LiveClient for C.
 */
type Prepare = Extract<SwarmRequest, { cmd: 'prepare' }>;

/**
 * A handshake stuck behind a dropped SYN (a full accept queue) is abandoned and tried again
 * rather than left to TCP's retransmission backoff (LiveClient keeps socket.io's 20 s).
 */
const HANDSHAKE_TIMEOUT_MS = 15_000;
/** How long a client keeps sending an answer that is not acknowledged. */
const ANSWER_DEADLINE_MS = 180_000;

let setup: Prepare | null = null;
let tokens: string[] = [];
const closers: (() => void)[] = [];
const liveClients: LiveClient[] = [];
let connected = 0;
let failed = 0;
let firstError: string | null = null;
let delivered = 0;
let latencies: number[] = [];
let receivedByBenchSeq: Record<number, number> = {};
let lastByBenchSeq: Record<number, number> = {};
let gaps = 0;
let dropped = 0;

/**
 * Every connection to the server under test leaves from the next source address in turn: one
 * address has ~28k ephemeral ports, and the LiveClient library takes no local address option.
 */
function spreadSourceAddresses(port: number, addresses: string[]): void {
  const connect = net.connect;
  let next = 0;
  (net as { connect: typeof net.connect }).connect = function (this: unknown, ...args: unknown[]) {
    const options = args[0] as net.TcpNetConnectOpts | undefined;
    if (options && typeof options === 'object' && Number(options.port) === port && !options.localAddress) {
      args[0] = { ...options, localAddress: addresses[next++ % addresses.length] };
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(net, args);
  } as typeof net.connect;
}

function receive(broadcast: BenchBroadcast): void {
  delivered++;
  const bench = readBenchText(broadcast);
  if (!bench) return;
  const latency = Date.now() - bench.sentAtMs;
  latencies.push(latency);
  lastByBenchSeq[bench.benchSeq] = Math.max(lastByBenchSeq[bench.benchSeq] ?? 0, latency);
  receivedByBenchSeq[bench.benchSeq] = (receivedByBenchSeq[bench.benchSeq] ?? 0) + 1;
}

function connectWs(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), {
      perMessageDeflate: false,
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    });
    socket.once('open', () => {
      socket.on('close', () => dropped++);
      closers.push(() => {
        socket.removeAllListeners('close');
        socket.close();
      });
      resolve();
    });
    socket.once('error', reject);
    socket.on('message', (data: Buffer) => {
      const frame = parseSocketIoEventFrame(data.toString());
      if (frame?.event === BROADCAST_EVENT_NAME) receive(frame.payload as BenchBroadcast);
    });
  });
}

function connectSocketIo(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: HANDSHAKE_TIMEOUT_MS,
    });
    socket.once('connect', () => {
      socket.off('connect_error');
      socket.on('disconnect', (reason) => {
        if (reason !== 'io client disconnect') dropped++;
      });
      closers.push(() => socket.disconnect());
      resolve();
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
    socket.on(BROADCAST_EVENT_NAME, (broadcast: BenchBroadcast) => receive(broadcast));
  });
}

async function connectLive(url: string, token: string): Promise<void> {
  // A loaded machine can take longer than the library's 10 s default to acknowledge.
  const client = new LiveClient({ url, token, requestTimeoutMs: 120_000 });
  client.on('broadcast', (broadcast) => receive(broadcast));
  client.on('gap', () => gaps++);
  client.on('reconnecting', (info) => {
    if (info.reason !== 'admission') dropped++;
  });
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw error;
  }
  liveClients.push(client);
  closers.push(() => client.close());
}

async function connectOne(index: number): Promise<void> {
  const { target, url } = setup!;
  const open: Record<Target, () => Promise<void>> = {
    ws: () => connectWs(url),
    socketio: () => connectSocketIo(url),
    live: () => connectLive(url, tokens[index]),
  };
  // A refused or reset handshake (a full accept queue) is tried again a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      await open[target]();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function connectAll(): Promise<SwarmConnected> {
  const { count, concurrency } = setup!;
  let started = 0;
  const progress = setInterval(() => {
    const message: SwarmProgress = { type: 'progress', connected, failed };
    process.send?.(message);
  }, 500);
  const worker = async () => {
    while (started < count) {
      const index = started++;
      await connectOne(index).then(
        () => connected++,
        (error: Error) => {
          failed++;
          firstError ??= error.message;
        },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  clearInterval(progress);
  return { connected, failed, firstError };
}

async function mintTokens(request: Prepare): Promise<void> {
  const participants = request.participants;
  if (!participants) return;
  const signer = new ParticipantTokenSigner(participants.secret, participants.ttlSeconds);
  tokens = [];
  for (let i = 0; i < request.count; i++) {
    const n = request.offset + i;
    const place = participants.places[n % participants.places.length];
    const { token } = await signer.sign({
      sessionId: participants.sessionId,
      participantId: randomUUID(),
      kind: 'GUEST',
      displayName: `Khách ${n}`,
      communeCode: place.communeCode,
      villageId: place.villageId,
      venueId: null,
    });
    tokens.push(token);
  }
}

async function answer(pollId: string, options: number, spreadMs: number): Promise<SwarmAnswered> {
  const result: SwarmAnswered = {
    counted: 0,
    notCounted: 0,
    failed: 0,
    retried: 0,
    firstError: null,
    firstSentAt: Number.POSITIVE_INFINITY,
    lastAckAt: 0,
  };
  const giveUpAt = Date.now() + ANSWER_DEADLINE_MS;
  await Promise.all(
    liveClients.map(async (client, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * spreadMs));
      result.firstSentAt = Math.min(result.firstSentAt, Date.now());
      // Like a person tapping again: an answer that got no acknowledgement (the socket was
      // reconnecting, or the ack timed out) is sent again; the gateway counts it once.
      for (;;) {
        const ack = await client.request('poll:answer', { pollId, option: (setup!.offset + i) % options });
        if (ack.ok) {
          result.lastAckAt = Math.max(result.lastAckAt, Date.now());
          if (ack.data.counted) result.counted++;
          else result.notCounted++;
          return;
        }
        result.retried++;
        result.firstError ??= ack.code;
        if (ack.code !== 'INTERNAL' || Date.now() > giveUpAt) {
          result.failed++;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }),
  );
  return result;
}

answerRequests(async (request: SwarmRequest) => {
  switch (request.cmd) {
    case 'prepare':
      setup = request;
      spreadSourceAddresses(Number(new URL(request.url).port), request.addresses);
      await mintTokens(request);
      return {};
    case 'connect':
      return connectAll();
    case 'reset':
      delivered = 0;
      latencies = [];
      receivedByBenchSeq = {};
      lastByBenchSeq = {};
      gaps = 0;
      return {};
    case 'collect': {
      const collected: SwarmCollected = {
        delivered,
        latencies,
        lastByBenchSeq,
        receivedByBenchSeq,
        gaps,
        dropped,
        connected,
      };
      return collected;
    }
    case 'received':
      return receivedByBenchSeq[request.benchSeq] ?? 0;
    case 'answer':
      return answer(request.pollId, request.options, request.spreadMs);
    case 'leave':
      for (const close of closers.splice(0)) close();
      connected = 0;
      return {};
  }
});
