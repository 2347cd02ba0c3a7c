import { Injectable } from '@nestjs/common';

/**
 * Whether the instance has begun to stop. From then on /health/ready answers 503 while it goes on
 * serving, so that load balancers take it out of rotation before it closes its connections.
 */
@Injectable()
export class Draining {
  private draining = false;

  get started(): boolean {
    return this.draining;
  }

  start(): void {
    this.draining = true;
  }
}
