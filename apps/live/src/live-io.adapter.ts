import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig } from '@hocvuso/config';
import { LIVE_LIMITS } from '@hocvuso/live-client/protocol';
import { createRedisClient } from '@hocvuso/redis';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { type Namespace, Server, type ServerOptions } from 'socket.io';

type ShardedAdapter = ReturnType<ReturnType<typeof createShardedAdapter>>;

/**
 * The cluster adapter waits for Redis to answer a broadcast's SPUBLISH before it writes the
 * broadcast to this gateway's own sockets: a round trip, plus a turn of an event loop that is
 * busy with the previous fan-out, before every broadcast. The answer tells nothing (its offset
 * only serves connection state recovery, which is off, and the adapter ignored a failure), so
 * the publish is written to Redis at once and the local fan-out goes ahead in the same tick.
 */
function publishWithoutWaiting(adapter: ShardedAdapter, logger: Logger): ShardedAdapter {
  const publish = adapter.doPublish.bind(adapter);
  adapter.doPublish = (message) => {
    publish(message).catch((error: Error) =>
      logger.warn(`publishing to the other gateways failed (${message.type}): ${error.message}`),
    );
    return Promise.resolve('');
  };
  return adapter;
}

/**
 * socket.io as the live protocol wants it: websocket only (no long-polling, so no sticky
 * sessions behind the load balancer), no per-message compression (its CPU and memory cost per
 * socket outweigh small frames), a small inbound message limit, and the Redis sharded adapter
 * (sharded pub/sub, Redis 7) so a broadcast from any gateway reaches sockets on every gateway.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];
  private readonly servers: Server[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  // Builds the server from the project's socket.io (the one the gateway's types and the adapter
  // come from) rather than @nestjs/platform-socket.io's nested copy.
  override createIOServer(
    port: number,
    options?: Parameters<IoAdapter['createIOServer']>[1],
  ): ReturnType<IoAdapter['createIOServer']> {
    const settings: Partial<ServerOptions> = {
      ...(options as Partial<ServerOptions> | undefined),
      transports: ['websocket'],
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: LIVE_LIMITS.maxMessageBytes,
      serveClient: false,
      pingInterval: 25_000,
      pingTimeout: 20_000,
    };
    const server = this.httpServer && port === 0 ? new Server(this.httpServer, settings) : new Server(port, settings);
    const pub = createRedisClient(this.config.REDIS_URL, 'live-adapter-pub');
    const sub = createRedisClient(this.config.REDIS_URL, 'live-adapter-sub');
    this.clients.push(pub, sub);
    this.servers.push(server);
    const sharded = createShardedAdapter(pub, sub, {
      channelPrefix: `${this.config.REDIS_KEY_PREFIX}:live-io`,
      subscriptionMode: 'dynamic',
    });
    const logger = this.logger;
    // socket.io calls it with `new`: a function, not an arrow.
    server.adapter(function liveAdapter(nsp: Namespace) {
      return publishWithoutWaiting(sharded(nsp), logger);
    });
    return server as unknown as ReturnType<IoAdapter['createIOServer']>;
  }

  /**
   * The gateway reads every inbound event through one `onAny` listener and declares no
   * `@SubscribeMessage` handler, so there is nothing to bind; Nest would still build an RxJS
   * disconnect stream (fromEvent, share, first) for every socket, about 1 KB each.
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    if (args[1].length > 0) super.bindMessageHandlers(...args);
  }

  /** Nest's callback takes the reason only: it can be the listener itself, not a closure around it. */
  override bindClientDisconnect(...[client, callback]: Parameters<IoAdapter['bindClientDisconnect']>): void {
    client.once('disconnect', callback as (reason: string) => void);
  }

  /**
   * Closes the servers (every socket, then each adapter's unsubscriptions) before the Redis
   * clients the adapters unsubscribe with: the other order leaves unsubscribe calls failing.
   */
  override async dispose(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((server) => server.close()));
    await super.dispose?.();
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }
}
