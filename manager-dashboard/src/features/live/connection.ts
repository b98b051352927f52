import { create } from 'zustand';

/** Whether the live stream is connected (the floor is live) and the appliance answers. */
export const useConnection = create<{ live: boolean; reachable: boolean }>(() => ({ live: true, reachable: true }));
