import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig } from '@hocvuso/config';
import { LIVE_LIMITS } from '@hocvuso/live-client/protocol';
import { createRedisClient } from '@hocvuso/redis';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type ServerOptions } from 'socket.io';

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
    server.adapter(
      createShardedAdapter(pub, sub, {
        channelPrefix: `${this.config.REDIS_KEY_PREFIX}:live-io`,
        subscriptionMode: 'dynamic',
      }),
    );
    return server as unknown as ReturnType<IoAdapter['createIOServer']>;
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
