/** Watch events as the API server sends them over the WebSocket. */
export type WatchEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR' | 'BOOKMARK';
  object: unknown;
};

export type WatchSocketOptions = {
  /** Reconnect after a close; the console's WSFactory does by default. */
  reconnect: boolean;
  /** Give up (destroy with timedOut) when reconnecting takes longer than this. */
  timeout?: number;
  /** Events are buffered and delivered in bulk, like the console's 500 ms buffer flush. */
  flushIntervalMs: number;
  onBulkMessage: (events: WatchEvent[]) => void;
  onClose?: (event: CloseEvent) => void;
  onDestroy?: (timedOut: boolean) => void;
};

const wsURL = (path: string): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`;

/** A reconnecting WebSocket with a message buffer, modelled on the console's WSFactory. */
export class WatchSocket {
  private ws: WebSocket | undefined;
  private buffer: WatchEvent[] = [];
  private flushTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private state: 'init' | 'open' | 'closed' | 'destroyed' = 'init';

  constructor(
    readonly path: string,
    private readonly options: WatchSocketOptions,
  ) {
    this.flushTimer = setInterval(() => {
      this.flush();
    }, options.flushIntervalMs);
    this.connect();
  }

  private connect(): void {
    const ws = new WebSocket(wsURL(this.path));
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws === ws) {
        this.state = 'open';
      }
    };
    ws.onmessage = (msg: MessageEvent<string>) => {
      if (this.ws !== ws || this.state === 'destroyed') {
        return;
      }
      try {
        this.buffer.push(JSON.parse(msg.data) as WatchEvent);
      } catch {
        console.warn(`Could not parse a message on ${this.path}`);
      }
    };
    ws.onclose = (event) => {
      if (this.ws !== ws || this.state === 'destroyed') {
        return;
      }
      this.state = 'closed';
      this.flush();
      this.options.onClose?.(event);
      if (!this.destroyed() && this.options.reconnect) {
        this.scheduleReconnect();
      }
    };
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer) {
      return;
    }
    let delay = 1000;
    let waited = 0;
    const attempt = () => {
      this.reconnectTimer = undefined;
      if (this.state === 'open' || this.state === 'destroyed') {
        return;
      }
      if (this.options.timeout && waited > this.options.timeout) {
        this.destroy(true);
        return;
      }
      this.connect();
      waited += delay;
      delay = Math.round(Math.min(1.5 * delay, 60000));
      this.reconnectTimer = setTimeout(attempt, delay);
    };
    this.reconnectTimer = setTimeout(attempt, delay);
  }

  private flush(): void {
    if (this.buffer.length === 0 || this.state === 'destroyed') {
      return;
    }
    const events = this.buffer;
    this.buffer = [];
    this.options.onBulkMessage(events);
  }

  private destroyed(): boolean {
    return this.state === 'destroyed';
  }

  destroy(timedOut = false): void {
    if (this.state === 'destroyed') {
      return;
    }
    this.state = 'destroyed';
    clearInterval(this.flushTimer);
    clearTimeout(this.reconnectTimer);
    this.buffer = [];
    const ws = this.ws;
    this.ws = undefined;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      ws.close();
    }
    this.options.onDestroy?.(timedOut);
  }
}
