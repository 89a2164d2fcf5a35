/** A backing service `npm start` uses: where it answers, and how to stop it (a no-op when it was already running). */
export interface StartedService {
  url: string;
  stop(): Promise<void>;
}
