import type { Problem, ProblemLocation, ProblemSeverity } from './model';

/** Collects reader problems in order; readers push to it instead of throwing. */
export class ProblemList {
  readonly items: Problem[] = [];

  constructor(private readonly base: ProblemLocation = {}) {}

  add(severity: ProblemSeverity, code: string, message: string, location: ProblemLocation = {}): void {
    this.items.push({ severity, code, message, location: { ...this.base, ...location } });
  }
  error(code: string, message: string, location?: ProblemLocation): void {
    this.add('error', code, message, location);
  }
  warning(code: string, message: string, location?: ProblemLocation): void {
    this.add('warning', code, message, location);
  }
  info(code: string, message: string, location?: ProblemLocation): void {
    this.add('info', code, message, location);
  }
}
