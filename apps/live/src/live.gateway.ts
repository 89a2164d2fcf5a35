import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';

/**
 * The live-session gateway. This shell accepts websocket connections and counts them; the
 * protocol (join, snapshot, polls, questions, attendance) is the live-class issue's work.
 */
@WebSocketGateway({ transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 16 * 1024 })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  server: Server;

  handleConnection(socket: Socket): void {
    this.logger.debug(`socket ${socket.id} connected`);
  }

  handleDisconnect(socket: Socket): void {
    this.logger.debug(`socket ${socket.id} disconnected`);
  }

  /** Sockets are closed with the server so clients reconnect to another gateway right away. */
  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}
