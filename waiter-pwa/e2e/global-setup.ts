import { buildIfStale } from '../scripts/build-if-stale';

/** The end-to-end tests drive the built app as the appliance serves it. */
export default function setup(): void {
  buildIfStale();
}
